package vn.hanoi.hcc.gateway.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals recorded answers for Redis: AES-256-GCM under a key of their own for each client and
 * {@code Idempotency-Key}, HKDF-Expand (RFC 5869, SHA-256) of the gateway's
 * {@code hcc.gateway.idempotency.secret} with the client id and the raw key as info. Redis holds
 * the key only as a SHA-256, so a copy of Redis opens nothing, and even the gateway's secret opens
 * an answer only together with the client's own key, which only the client's retry brings. The
 * request's fingerprint is the cipher's associated data: a sealed answer moved to another record
 * does not open. A fresh 96-bit nonce per seal, from a DRBG seeded once at startup (no read of
 * the OS's entropy source on an event loop).
 */
@Component
class AnswerSeal {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "hcc-gateway/idempotency/answer/v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] secret;
    private final JsonMapper json;
    private final SecureRandom random;

    AnswerSeal(IdempotencyProperties properties, JsonMapper json) throws NoSuchAlgorithmException {
        this.secret = properties.secretBytes();
        this.json = json;
        this.random = SecureRandom.getInstance("DRBG");
        this.random.nextBytes(new byte[NONCE_BYTES]); // seeds it now, at startup
    }

    /** The answer sealed for this client's key and request: base64 of nonce and ciphertext. */
    String seal(String clientId, String idempotencyKey, String fingerprint, RecordedAnswer answer) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, clientId, idempotencyKey, fingerprint, nonce);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(answer));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is part of every JDK", impossible);
        }
    }

    /** The sealed answer, opened; {@link UnreadableAnswerException} if it was not sealed for them. */
    RecordedAnswer open(String clientId, String idempotencyKey, String fingerprint, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, clientId, idempotencyKey, fingerprint, nonce);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return json.readValue(plain, RecordedAnswer.class);
        } catch (GeneralSecurityException | IllegalArgumentException broken) {
            throw new UnreadableAnswerException(broken);
        }
    }

    private Cipher cipher(int mode, String clientId, String idempotencyKey, String fingerprint, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(
                mode, new SecretKeySpec(key(clientId, idempotencyKey), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(fingerprint.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * HKDF-Expand to one block: HMAC-SHA256(secret, info || 0x01). The secret is already uniformly
     * random (at least 32 bytes), so it serves as the pseudorandom key without the extract step.
     */
    private byte[] key(String clientId, String idempotencyKey) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(CONTEXT);
        mac.update((byte) 0);
        mac.update(clientId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        mac.update(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 1);
        return mac.doFinal();
    }

    /** A sealed answer that does not open: the secret changed, or the record was tampered with. */
    static final class UnreadableAnswerException extends RuntimeException {

        UnreadableAnswerException(Throwable cause) {
            super("The recorded answer cannot be opened", cause);
        }
    }
}
