package vn.hanoi.hcc.gateway.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Base64;
import java.util.Map;

/**
 * What Redis holds for one client's key: hashes and a sealed answer, nothing a reader could use.
 * While the first request is in flight only its {@code target} is known (its body is still
 * passing); once answered, the whole fingerprint and the sealed answer are stored.
 *
 * @param target SHA-256 of method, path and query
 * @param fingerprint SHA-256 of method, path, query and body; {@code null} while in flight
 * @param sealed the answer, sealed by {@link AnswerSeal}; {@code null} while in flight
 * @param status the answer's status in the clear, as gateways wrote answers before they were
 *        sealed: read (never written) until such records have expired, a {@code ttl} after the
 *        upgrade, so that a retry of a request answered just before it is still replayed
 * @param headers the same: the answer's replayable headers in the clear
 * @param body the same: the answer's body in the clear, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IdempotencyRecord(
        String target, String fingerprint, String sealed, Integer status, Map<String, String> headers, String body) {

    static IdempotencyRecord inFlight(String target) {
        return new IdempotencyRecord(target, null, null, null, null, null);
    }

    static IdempotencyRecord answered(String target, String fingerprint, String sealed) {
        return new IdempotencyRecord(target, fingerprint, sealed, null, null, null);
    }

    boolean isInFlight() {
        return sealed == null && !isUnsealed();
    }

    /** Whether the record holds its answer in the clear (written before answers were sealed). */
    boolean isUnsealed() {
        return sealed == null && status != null && status != 0;
    }

    RecordedAnswer unsealedAnswer() {
        return new RecordedAnswer(
                status,
                headers == null ? Map.of() : headers,
                Base64.getDecoder().decode(body));
    }
}
