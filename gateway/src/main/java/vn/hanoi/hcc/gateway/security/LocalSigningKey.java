package vn.hanoi.hcc.gateway.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code local} profile's stand-in for the identity provider: an RSA key made at startup that
 * signs the tokens of {@code POST /dev/tokens} and validates them. Tokens die with the process.
 */
@Component
@Profile("local")
class LocalSigningKey {

    private final KeyPair keys;

    LocalSigningKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    RSAPrivateKey privateKey() {
        return (RSAPrivateKey) keys.getPrivate();
    }
}
