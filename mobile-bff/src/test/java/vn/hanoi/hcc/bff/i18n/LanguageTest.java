package vn.hanoi.hcc.bff.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** English for an English locale of any region; Vietnamese for everything else, no locale included. */
class LanguageTest {

    @Test
    void answersEnglishOnlyToEnglish() {
        assertThat(Language.of(Locale.ENGLISH)).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(Locale.forLanguageTag("en-GB"))).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(Locale.forLanguageTag("vi-VN"))).isEqualTo(Language.VIETNAMESE);
        assertThat(Language.of(Locale.FRENCH)).isEqualTo(Language.VIETNAMESE);
        assertThat(Language.of(null)).isEqualTo(Language.VIETNAMESE);
        assertThat(Language.ofTag("en")).isEqualTo(Language.ENGLISH);
        assertThat(Language.ofTag(null)).isEqualTo(Language.VIETNAMESE);
    }

    @Test
    void picksTheTextOfItsLanguage() {
        assertThat(Language.ENGLISH.pick("Đã xử lý xong", "Result ready")).isEqualTo("Result ready");
        assertThat(Language.VIETNAMESE.pick("Đã xử lý xong", "Result ready")).isEqualTo("Đã xử lý xong");
        assertThat(Language.ENGLISH.tag()).isEqualTo("en");
        assertThat(Language.VIETNAMESE.tag()).isEqualTo("vi");
    }
}
