package vn.hanoi.hcc.bff.error;

/** Patterns for the text fields of every request body, so that no feature stores what others cannot show. */
public final class TextPatterns {

    /**
     * One line of text: no control characters (PostgreSQL refuses NUL; logs and screens dislike the
     * rest) and no invisible format characters (bidirectional overrides that make text read
     * differently than it is stored).
     */
    public static final String LINE = "[^\\p{Cntrl}\\p{Cf}]*";
    /** Free text: lines, and nothing else invisible. */
    public static final String TEXT = "([^\\p{Cntrl}\\p{Cf}]|\\n)*";

    private TextPatterns() {
    }
}
