package vn.hanoi.hcc.bff.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes of personal data: the same citizen ID always gives the same reference (so a citizen
 * finds their dossiers), but without the pepper the reference reveals nothing.
 */
@Component
public class PersonalDataHasher {

    private final SecretKeySpec pepper;

    PersonalDataHasher(PrivacyProperties properties) {
        this.pepper = new SecretKeySpec(properties.pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The stored reference of a citizen ID (CCCD). */
    public String citizenRef(String citizenId) {
        return hmac("citizen:" + citizenId);
    }

    /** The stored hash of a dossier's lookup secret, bound to its code. */
    public String lookupSecretHash(String dossierCode, String secret) {
        return hmac("lookup:" + dossierCode + ":" + secret);
    }

    /** Compares two hashes in constant time, so that timing tells nothing about how much matched. */
    public static boolean sameHash(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
