package vn.hanoi.hcc.bff.security;

import java.nio.charset.StandardCharsets;

/**
 * The shortest secret the BFF starts with: 32 bytes, as long as the HMAC-SHA256 output the
 * secrets key. A shorter pepper or token key is refused at startup, never used.
 */
public final class SecretLength {

    public static final int MIN_BYTES = 32;
    /** How to make one, for the startup message. */
    public static final String ADVICE =
            "must be at least " + MIN_BYTES + " bytes: a random value such as head -c 32 /dev/urandom | base64";

    private SecretLength() {}

    /**
     * Whether the secret, as the UTF-8 bytes an HMAC key is made of, is long enough (a missing one is
     * left to {@code @NotBlank}).
     */
    public static boolean isLongEnough(String secret) {
        return secret == null || secret.isBlank() || secret.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES;
    }
}
