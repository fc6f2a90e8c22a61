package vn.hanoi.hcc.contract.identity;

import java.util.Base64;

/**
 * The HMAC-SHA256 key the gateway signs the identity token with and the BFF verifies it with:
 * the same secret on both sides (a Kubernetes Secret), written in base64.
 */
public final class IdentityTokenKey {

    /** HS256 needs a key of at least 256 bits; a shorter one would make the BFF's trust guessable. */
    public static final int MIN_BYTES = 32;

    private IdentityTokenKey() {}

    /** The key's bytes; an {@link IllegalArgumentException} if it is not base64. */
    public static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }

    /** Whether it is base64 of at least {@link #MIN_BYTES} bytes. */
    public static boolean isLongEnough(String base64) {
        try {
            return decode(base64).length >= MIN_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
