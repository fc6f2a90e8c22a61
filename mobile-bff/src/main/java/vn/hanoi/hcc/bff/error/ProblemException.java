package vn.hanoi.hcc.bff.error;

import java.time.Duration;
import java.util.List;
import vn.hanoi.hcc.contract.problem.ProblemType;

/**
 * A refusal the domain expects, which names its own problem type: {@link ProblemMapper} answers it with
 * that type (its status and constant title) and the message as the detail, and with
 * {@code Retry-After} when the refusal says how long to wait. No HTTP status here; no stack trace
 * either: it is an outcome, not a fault.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String detail) {
        super(detail);
    }

    /** The problem type the answer carries. */
    public abstract ProblemType type();

    /** The fields at fault, if any. */
    public List<Problem.InvalidParam> errors() {
        return List.of();
    }

    /** How long the caller should wait before trying again, when the answer should say; else null. */
    public Duration retryAfter() {
        return null;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
