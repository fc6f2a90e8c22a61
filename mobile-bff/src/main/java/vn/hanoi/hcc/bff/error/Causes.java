package vn.hanoi.hcc.bff.error;

import java.util.function.Predicate;

/** Walks an error's chain of causes, each layer wrapping the one below, to a bounded depth. */
final class Causes {

    private static final int MAX_DEPTH = 16;

    private Causes() {}

    /** Whether the error or one of its causes is what the test looks for. */
    static boolean any(Throwable error, Predicate<Throwable> test) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The error's root cause, for a one-line log. */
    static Throwable root(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
