package vn.hanoi.hcc.bff.error;

/** The request carries no identity the BFF can trust (it did not come through the gateway). */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
