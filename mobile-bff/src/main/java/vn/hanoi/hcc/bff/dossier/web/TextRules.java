package vn.hanoi.hcc.bff.dossier.web;

import vn.hanoi.hcc.bff.input.TextPatterns;

/** Patterns shared by the dossier API's requests (text lines as everywhere: {@link TextPatterns}). */
final class TextRules {

    static final String LINE = TextPatterns.LINE;
    static final String TEXT = TextPatterns.TEXT;
    /** The national dossier code: {@code <agency>-YYMMDD-NNNN}. */
    static final String CODE = "[A-Z0-9][A-Z0-9.]{1,19}-[0-9]{6}-[0-9]{4,6}";

    static final String AGENCY = TextPatterns.AGENCY;
    /** A client's own identifier: visible ASCII. */
    static final String IDENTIFIER = "[\\x21-\\x7E]+";

    private TextRules() {}
}
