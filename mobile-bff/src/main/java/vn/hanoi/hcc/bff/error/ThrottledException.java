package vn.hanoi.hcc.bff.error;

import java.time.Duration;
import vn.hanoi.hcc.contract.problem.ProblemType;

/** Too many attempts of something guarded (a lookup secret, say); try again after a while. */
public class ThrottledException extends ProblemException {

    private final Duration retryAfter;

    public ThrottledException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public ProblemType type() {
        return ProblemType.TOO_MANY_REQUESTS;
    }
}
