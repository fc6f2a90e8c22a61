package vn.hanoi.hcc.bff.webhook;

import java.time.Instant;
import vn.hanoi.hcc.bff.outbox.OutboxMessage;

/** A claimed webhook message with where it goes and the secret that signs it. */
record WebhookMessage(
        long id,
        String url,
        String secret,
        String messageId,
        String payload,
        int attempt,
        Instant windowStartedAt,
        String traceParent)
        implements OutboxMessage {

    /** Never the URL, the secret or the payload: this may end up in a log line. */
    @Override
    public String toString() {
        return "WebhookMessage[id=" + id + ", messageId=" + messageId + ", attempt=" + attempt + "]";
    }
}
