package vn.hanoi.hcc.bff.outbox;

import java.time.Duration;

/**
 * What a message's row becomes after its attempt: sent (with the receiver's receipt), dropped or dead
 * (with the error), or pending again after {@code delay} (with the error).
 */
public record Settlement<M extends OutboxMessage>(M message, Verdict verdict, String detail, Duration delay) {

    public enum Verdict {
        SENT,
        DROPPED,
        RETRY,
        DEAD
    }

    static <M extends OutboxMessage> Settlement<M> sent(M message, String receipt) {
        return new Settlement<>(message, Verdict.SENT, receipt, null);
    }

    static <M extends OutboxMessage> Settlement<M> dropped(M message, String error) {
        return new Settlement<>(message, Verdict.DROPPED, error, null);
    }

    static <M extends OutboxMessage> Settlement<M> retry(M message, String error, Duration delay) {
        return new Settlement<>(message, Verdict.RETRY, error, delay);
    }

    static <M extends OutboxMessage> Settlement<M> dead(M message, String error) {
        return new Settlement<>(message, Verdict.DEAD, error, null);
    }
}
