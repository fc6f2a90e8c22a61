package vn.hanoi.hcc.contract.apikey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of an API key with the pepper both services hold: what the BFF's key store keeps, and
 * what the gateway looks a presented key up by, so that the plain key never leaves the gateway and a
 * stolen table of hashes is useless without the pepper.
 */
public final class ApiKeyHasher {

    private final SecretKeySpec pepper;

    /** @param pepper the HMAC key, as the text of its configuration (its UTF-8 bytes are the key) */
    public ApiKeyHasher(String pepper) {
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The lower-case hex HMAC of the key. */
    public String hash(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
