package vn.hanoi.hcc.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

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
record Decision(
        boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds, boolean metered) {

    static Decision unmetered() {
        return new Decision(true, 0, 0, 0, 0, false);
    }

    /** Puts {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} on an answer, when metered. */
    void writeTo(HttpHeaders headers) {
        if (metered) {
            headers.set("RateLimit-Limit", Long.toString(limit));
            headers.set("RateLimit-Remaining", Long.toString(remaining));
            headers.set("RateLimit-Reset", Long.toString(resetSeconds));
        }
    }
}
