package vn.hanoi.hcc.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Hashes a presented API key the way the BFF's key store does (HMAC-SHA256 with the shared
 * pepper), so that the plain key never leaves the gateway and a stolen table of hashes is useless
 * without the pepper.
 */
@Component
class ApiKeyHasher {

    private final SecretKeySpec pepper;

    ApiKeyHasher(ApiKeyProperties properties) {
        this.pepper = new SecretKeySpec(properties.pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String hash(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
