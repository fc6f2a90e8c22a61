package vn.hanoi.hcc.bff.input;

import java.util.regex.Pattern;

/** Patterns for the text fields of every request body, so that no feature stores what others cannot show. */
public final class TextPatterns {

    /**
     * One line of text: no control characters (PostgreSQL refuses NUL; logs and screens dislike the
     * rest), no invisible format characters (bidirectional overrides that make text read
     * differently than it is stored) and no unpaired surrogate (JSON's {@code "\\uD800"}: not a
     * character, stored as {@code ?}). A paired surrogate is one code point and matches as such.
     */
    public static final String LINE = "[^\\p{Cntrl}\\p{Cf}\\p{Cs}]*";
    /**
     * Free text: lines, and nothing else invisible. One character class (a union with the newline),
     * not an alternation in a repeated group: Java matches the latter by recursion, one stack frame
     * a character, and a note of 2,000 characters overflowed an event loop's stack.
     */
    public static final String TEXT = "[\\n[^\\p{Cntrl}\\p{Cf}\\p{Cs}]]*";

    private static final Pattern LINE_PATTERN = Pattern.compile(LINE);

    /** An agency code, the first part of a dossier code ({@code H26.99}). */
    public static final String AGENCY = "[A-Z0-9][A-Z0-9.]{1,19}";

    /** The shape of any dossier code, for filters (filing checks the national format itself). */
    public static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,40}");

    private TextPatterns() {}

    /** Whether the text is one {@link #LINE} (for checks made outside Bean Validation). */
    public static boolean isLine(String text) {
        return LINE_PATTERN.matcher(text).matches();
    }
}
