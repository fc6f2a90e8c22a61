package vn.hanoi.hcc.bff.error;

import vn.hanoi.hcc.contract.problem.ProblemType;

/** The request carries no identity the BFF can trust (it did not come through the gateway). */
public class UnauthenticatedException extends ProblemException {

    public UnauthenticatedException(String reason) {
        super(reason);
    }

    @Override
    public ProblemType type() {
        return ProblemType.UNAUTHORIZED;
    }
}
