package vn.hanoi.hcc.bff.outbox;

/** One claimed message and how its attempt ended. */
public record Attempt<M extends OutboxMessage>(M message, Outcome outcome) {}
