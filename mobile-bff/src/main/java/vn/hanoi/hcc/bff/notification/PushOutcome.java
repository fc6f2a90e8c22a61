package vn.hanoi.hcc.bff.notification;

import java.time.Duration;

/**
 * What became of one message at FCM.
 *
 * @param retryAfter the wait FCM asked for (429/503 {@code Retry-After}), or null
 */
public record PushOutcome(Kind kind, String messageId, String error, Duration retryAfter) {

    /** The classes of answers the dispatcher treats differently. */
    public enum Kind {
        /** Accepted by FCM. */
        SENT,
        /** The token is dead (unregistered, another sender's, malformed): forget it, do not retry. */
        TOKEN_GONE,
        /** A passing failure (quota, 5xx, timeout, connection): try again later. */
        RETRY,
        /** Our credentials are refused: retrying cannot help; alert. */
        AUTH
    }

    public static PushOutcome sent(String messageId) {
        return new PushOutcome(Kind.SENT, messageId, null, null);
    }

    public static PushOutcome failed(Kind kind, String error, Duration retryAfter) {
        return new PushOutcome(kind, null, error, retryAfter);
    }
}
