package vn.hanoi.hcc.bff.error;

/** An identifier the client chose (an event id, say) was already used for something else. */
public class ReusedIdentifierException extends RuntimeException {

    public ReusedIdentifierException(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
