package vn.hanoi.hcc.bff.error;

/**
 * A URL or header parameter with control or invisible characters, refused by the binder
 * ({@code input.ParameterTextAdvice}); {@link ProblemMapper} quotes {@link #REASON} for the parameter.
 */
public final class UnsafeTextException extends IllegalArgumentException {

    public static final String REASON = "must not contain control or invisible characters";

    public UnsafeTextException() {
        super(REASON);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
