package vn.hanoi.hcc.bff.outbox;

/** A message claimed from an outbox: its row, and the attempt its claim counted (settled only at that attempt). */
public interface OutboxMessage {

    long id();

    int attempt();

    /** The W3C traceparent of the span that wrote the message, or null (see {@link OutboxTracing}). */
    String traceParent();
}
