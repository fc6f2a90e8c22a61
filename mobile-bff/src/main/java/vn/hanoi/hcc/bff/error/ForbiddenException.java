package vn.hanoi.hcc.bff.error;

import java.util.List;
import vn.hanoi.hcc.contract.problem.ProblemType;

/** The caller is known but may not do this (with a value of this request, named in errors, or at all). */
public class ForbiddenException extends ProblemException {

    private final List<Problem.InvalidParam> errors;

    public ForbiddenException(String reason) {
        this(reason, List.of());
    }

    public ForbiddenException(String reason, List<Problem.InvalidParam> errors) {
        super(reason);
        this.errors = List.copyOf(errors);
    }

    /** The fields whose value this caller may not use. */
    @Override
    public List<Problem.InvalidParam> errors() {
        return errors;
    }

    @Override
    public ProblemType type() {
        return ProblemType.FORBIDDEN;
    }
}
