package vn.hanoi.hcc.bff.error;

import vn.hanoi.hcc.contract.problem.ProblemType;

/** The request is well formed but the resource's current state does not allow it. */
public class ConflictException extends ProblemException {

    public ConflictException(String reason) {
        super(reason);
    }

    @Override
    public ProblemType type() {
        return ProblemType.CONFLICT;
    }
}
