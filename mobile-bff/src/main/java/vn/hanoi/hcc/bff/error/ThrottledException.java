package vn.hanoi.hcc.bff.error;

import java.time.Duration;

/** Too many attempts of something guarded (a lookup secret, say); try again after a while. */
public class ThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public ThrottledException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
