package vn.hanoi.hcc.bff.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text patterns accept what they promise and run in constant stack on the longest input. */
class TextPatternsEveryCharacterTest {

    private static final Pattern LINE = Pattern.compile(TextPatterns.LINE);
    private static final Pattern TEXT = Pattern.compile(TextPatterns.TEXT);
    /** Longer than a text field of any body the codec has accepted (256 KB, then 5 MB) could be. */
    private static final int LONGEST = 6_000_000;

    @Test
    void textIsALineOrALineBreakForEveryCodePointAndLoneSurrogate() {
        List<String> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            check(new String(Character.toChars(codePoint)), differing);
        }
        for (char surrogate = Character.MIN_SURROGATE; surrogate <= Character.MAX_SURROGATE; surrogate++) {
            check(String.valueOf(surrogate), differing);
        }
        assertThat(differing).isEmpty();
        assertThat(TEXT.matcher("Bổ sung\nbản sao 😀").matches()).isTrue();
        assertThat(TEXT.matcher("a\r\nb").matches()).isFalse();
    }

    @Test
    void matchesAndRefusesTheLongestTextWithoutOverflowingTheStack() {
        String letters = "ạ".repeat(LONGEST);
        String lines = "dòng\n".repeat(LONGEST / 5);
        String emoji = "😀".repeat(LONGEST / 2);

        assertThat(TEXT.matcher(letters).matches()).isTrue();
        assertThat(TEXT.matcher(lines).matches()).isTrue();
        assertThat(TEXT.matcher(emoji).matches()).isTrue();
        assertThat(TEXT.matcher(letters + "\u0000").matches()).isFalse();
        assertThat(LINE.matcher(letters).matches()).isTrue();
        assertThat(LINE.matcher(emoji + "\u202E").matches()).isFalse();
        assertThat(TextPatterns.isLine(lines)).isFalse();
    }

    private static void check(String text, List<String> differing) {
        boolean expected = "\n".equals(text) || LINE.matcher(text).matches();
        if (TEXT.matcher(text).matches() != expected) {
            differing.add(Integer.toHexString(text.codePointAt(0)));
        }
    }
}
