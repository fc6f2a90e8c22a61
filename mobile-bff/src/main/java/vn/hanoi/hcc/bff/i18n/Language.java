package vn.hanoi.hcc.bff.i18n;

import java.util.Locale;

/**
 * The two languages the API answers in: Vietnamese, the default, and English for a caller whose
 * {@code Accept-Language} (or stored locale) asks for it. Every "English or not" decision goes here.
 */
public enum Language {
    VIETNAMESE("vi"),
    ENGLISH("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** English if the locale's language is English, Vietnamese otherwise (also for no locale). */
    public static Language of(Locale locale) {
        return locale != null && ENGLISH.tag.equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE;
    }

    /** The same for a stored language tag such as a device's {@code "en"}. */
    public static Language ofTag(String tag) {
        return ENGLISH.tag.equals(tag) ? ENGLISH : VIETNAMESE;
    }

    /** The tag for a {@code Content-Language} header or a cache key. */
    public String tag() {
        return tag;
    }

    public boolean isEnglish() {
        return this == ENGLISH;
    }

    /** The text in this language, of its two versions. */
    public String pick(String vietnamese, String english) {
        return this == ENGLISH ? english : vietnamese;
    }
}
