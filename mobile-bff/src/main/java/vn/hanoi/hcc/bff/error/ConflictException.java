package vn.hanoi.hcc.bff.error;

/** The request is well formed but the resource's current state does not allow it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
