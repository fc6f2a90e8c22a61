package vn.hanoi.hcc.bff.error;

/**
 * A resource the caller asked for does not exist (or is not theirs to see: both read the same).
 * Features subclass it to name their resource.
 */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super("No " + resource + " with id '" + Sanitizer.quoteable(id) + "'");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome, not a fault: no stack to capture
    }
}
