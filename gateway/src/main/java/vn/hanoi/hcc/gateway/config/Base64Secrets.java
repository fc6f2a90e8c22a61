package vn.hanoi.hcc.gateway.config;

import java.util.Base64;

/** Secrets given in configuration as base64 of random bytes, checked for length at startup. */
public final class Base64Secrets {

    private Base64Secrets() {}

    /**
     * The secret's bytes; an {@link IllegalArgumentException} naming the property when it decodes
     * to fewer than {@code minimumBytes} (a blank one is left to {@code @NotBlank}).
     */
    public static byte[] decode(String property, String base64, int minimumBytes) {
        byte[] secret = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        if (base64 != null && !base64.isBlank() && secret.length < minimumBytes) {
            throw new IllegalArgumentException(property + " must decode to at least " + minimumBytes + " bytes");
        }
        return secret;
    }
}
