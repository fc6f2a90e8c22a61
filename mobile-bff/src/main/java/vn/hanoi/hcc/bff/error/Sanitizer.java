package vn.hanoi.hcc.bff.error;

/** Makes client-supplied text safe to quote back in a problem detail. */
final class Sanitizer {

    private static final int MAX_QUOTED = 64;

    private Sanitizer() {}

    /** Control characters removed, length capped, so a detail never carries a payload. */
    static String quoteable(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_QUOTED ? printable : printable.substring(0, MAX_QUOTED) + "…";
    }
}
