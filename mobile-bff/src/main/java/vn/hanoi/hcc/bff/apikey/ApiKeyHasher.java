package vn.hanoi.hcc.bff.apikey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** HMAC-SHA256 of a key with the pepper: what the key store keeps, and what the gateway sends. */
@Component
public class ApiKeyHasher {

    private final SecretKeySpec pepper;

    ApiKeyHasher(ApiKeyProperties properties) {
        this.pepper = new SecretKeySpec(properties.pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

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
