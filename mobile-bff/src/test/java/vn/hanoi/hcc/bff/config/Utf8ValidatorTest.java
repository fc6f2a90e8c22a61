package vn.hanoi.hcc.bff.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void acceptsEveryWellFormedTextSplitAnywhere() {
        byte[] text = "Trung tâm Phục vụ hành chính công – Hà Nội ✓ 𝄞 \uD83D\uDE00 \uDBFF\uDFFF\u0000"
                .getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= text.length; split++) {
            Utf8Validator validator = new Utf8Validator();
            validator.feed(ByteBuffer.wrap(text, 0, split));
            validator.feed(ByteBuffer.wrap(text, split, text.length - split));
            assertThatCode(validator::finish).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesOverlongSurrogateOutOfRangeStrayAndTruncatedSequences() {
        int[][] malformed = {
            {0xC0, 0xAF},
            {0xC1, 0xBF},
            {0xE0, 0x80, 0xAF},
            {0xE0, 0x9F, 0xBF},
            {0xF0, 0x80, 0x80, 0xAF},
            {0xED, 0xA0, 0x80},
            {0xED, 0xBF, 0xBF},
            {0xF4, 0x90, 0x80, 0x80},
            {0xF5, 0x80, 0x80, 0x80},
            {0x80},
            {0xBF},
            {0xFF},
            {0xE2, 0x82},
            {0xC3, 0x41}
        };
        for (int[] sequence : malformed) {
            byte[] bytes = new byte[sequence.length + 1];
            bytes[0] = 'x';
            for (int i = 0; i < sequence.length; i++) {
                bytes[i + 1] = (byte) sequence[i];
            }
            Utf8Validator validator = new Utf8Validator();
            assertThatThrownBy(() -> {
                        validator.feed(ByteBuffer.wrap(bytes));
                        validator.finish();
                    })
                    .isInstanceOf(Utf8Validator.MalformedUtf8Exception.class);
        }
    }
}
