package vn.hanoi.hcc.bff.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Free text is checked in constant stack, whatever its length, and still refuses what is invisible. */
class TextPatternsTest {

    private static final Pattern TEXT = Pattern.compile(TextPatterns.TEXT);

    @Test
    void checksALongTextOnASmallStack() throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        // 256 KB: less than an event loop thread has; the repeated alternation overflowed 1 MB at 2,000 characters
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(TEXT.matcher("Hồ sơ đã được tiếp nhận.\n".repeat(4_000))
                                .matches());
                    } catch (StackOverflowError overflow) {
                        outcome.set(overflow);
                    }
                },
                "small-stack",
                256 * 1024);
        small.start();
        small.join();

        assertThat(outcome.get()).isEqualTo(true);
    }

    @Test
    void takesLinesAndNewlinesButNothingElseInvisible() {
        assertThat(TEXT.matcher("Ghi chú\nDòng hai 😀").matches()).isTrue();
        for (String invisible : new String[] {"a\tb", "a\rb", "a\u0000b", "a\u202Eb", "a\u200Bb", "a\uD800b"}) {
            assertThat(TEXT.matcher(invisible).matches())
                    .as("%s", invisible.codePoints().boxed().toList())
                    .isFalse();
        }
    }
}
