package vn.hanoi.hcc.bff.error;

import java.util.List;

/** The caller is known but may not do this (with a value of this request, named in errors, or at all). */
public class ForbiddenException extends RuntimeException {

    private final List<Problem.InvalidParam> errors;

    public ForbiddenException(String reason) {
        this(reason, List.of());
    }

    public ForbiddenException(String reason, List<Problem.InvalidParam> errors) {
        super(reason);
        this.errors = List.copyOf(errors);
    }

    /** The fields whose value this caller may not use. */
    public List<Problem.InvalidParam> errors() {
        return errors;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
