package vn.hanoi.hcc.bff.error;

/** Too much work of this kind is under way; the request may be retried shortly (503 with Retry-After). */
public class BusyException extends RuntimeException {

    public BusyException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
