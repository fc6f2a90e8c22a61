package vn.hanoi.hcc.bff.error;

import java.time.Duration;
import vn.hanoi.hcc.contract.problem.ProblemType;

/** Too much work of this kind is under way; the request may be retried shortly (503 with Retry-After). */
public class BusyException extends ProblemException {

    public BusyException(String reason) {
        super(reason);
    }

    @Override
    public ProblemType type() {
        return ProblemType.SERVICE_UNAVAILABLE;
    }

    /** A few seconds: a pool or queue that is full now has room again soon. */
    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(5);
    }
}
