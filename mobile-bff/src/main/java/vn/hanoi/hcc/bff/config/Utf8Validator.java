package vn.hanoi.hcc.bff.config;

import java.nio.ByteBuffer;

/**
 * Checks bytes are well-formed UTF-8 (RFC 3629, Unicode's table 3-7): no overlong form
 * ({@code C0 AF} for {@code /}), no surrogate ({@code ED A0 80}), nothing above U+10FFFF, no stray
 * or missing continuation byte. Incremental, so that a body may arrive in any number of buffers;
 * one instance per body.
 */
final class Utf8Validator {

    private long offset;
    private int remaining;
    private int low = 0x80;
    private int high = 0xBF;

    /** Feeds the buffer's readable bytes (its position is left as it was). */
    void feed(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit(); i++, offset++) {
            accept(bytes.get(i) & 0xFF);
        }
    }

    /** The body ended: a sequence cut short is malformed too. */
    void finish() {
        if (remaining != 0) {
            throw new MalformedUtf8Exception(offset);
        }
    }

    private void accept(int b) {
        if (remaining > 0) {
            if (b < low || b > high) {
                throw new MalformedUtf8Exception(offset);
            }
            remaining--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            start(b);
        }
    }

    /** A lead byte: how many continuation bytes follow, and the range the first of them may take. */
    private void start(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            remaining = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (b >= 0xF0 && b <= 0xF4) {
            remaining = 3;
            low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
        } else {
            throw new MalformedUtf8Exception(offset); // 80..C1 (stray or overlong) and F5..FF
        }
    }

    /** The bytes are not UTF-8; {@code offset} is the first byte that cannot be. */
    static final class MalformedUtf8Exception extends IllegalArgumentException {

        MalformedUtf8Exception(long offset) {
            super("The body is not valid UTF-8 (byte " + offset + ")");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
