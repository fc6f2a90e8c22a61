package vn.hanoi.hcc.gateway.ratelimit;

/**
 * What the limiter decided for one request.
 *
 * @param allowed whether the request may go on
 * @param limit what {@code RateLimit-Limit} says
 * @param remaining what {@code RateLimit-Remaining} says
 * @param resetSeconds what {@code RateLimit-Reset} says
 * @param retryAfterSeconds what {@code Retry-After} says when refused
 * @param metered false when Redis could not be asked and the request went through unmetered
 */
record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
        boolean metered) {

    static Decision unmetered() {
        return new Decision(true, 0, 0, 0, 0, false);
    }
}
