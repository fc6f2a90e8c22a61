package vn.hanoi.hcc.gateway.idempotency;

/**
 * One request under an {@code Idempotency-Key}.
 *
 * @param clientId the machine client's id
 * @param key the raw key, which seals the answer: never stored, never logged
 * @param target SHA-256 of the request's method, path and query
 * @param redisKey where its record is
 */
record IdempotentAttempt(String clientId, String key, String target, String redisKey) {

    @Override
    public String toString() {
        return "IdempotentAttempt[" + clientId + "]";
    }
}
