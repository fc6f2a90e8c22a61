package vn.hanoi.hcc.gateway.idempotency;

import java.util.Map;

/**
 * What Redis holds for one client's key: the request's fingerprint and, once answered, the answer.
 *
 * @param fingerprint SHA-256 of method, path, query and body
 * @param status the answer's status, 0 while in flight
 * @param headers the answer's replayable headers
 * @param body the answer's body, base64
 */
record IdempotencyRecord(String fingerprint, int status, Map<String, String> headers, String body) {

    static IdempotencyRecord inFlight(String fingerprint) {
        return new IdempotencyRecord(fingerprint, 0, Map.of(), null);
    }

    boolean isInFlight() {
        return status == 0;
    }
}
