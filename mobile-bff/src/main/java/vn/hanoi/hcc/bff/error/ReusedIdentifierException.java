package vn.hanoi.hcc.bff.error;

import vn.hanoi.hcc.contract.problem.ProblemType;

/** An identifier the client chose (an event id, say) was already used for something else. */
public class ReusedIdentifierException extends ProblemException {

    public ReusedIdentifierException(String reason) {
        super(reason);
    }

    @Override
    public ProblemType type() {
        return ProblemType.IDENTIFIER_REUSED;
    }
}
