package vn.hanoi.hcc.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The city's OIDC provider as the gateway sees it: a JWKS endpoint on loopback, and tokens signed
 * with its key (or, to be refused, with another key, no key, or the wrong claims). It counts the
 * JWKS fetches, can hang, and can replace its key.
 */
final class FakeIdentityProvider {

    static final String ISSUER = "https://id.test.hcc.example";
    static final String AUDIENCE = "hcc-mobile-api";
    private static final String KEY_ID = "test-key-1";
    private static final FakeIdentityProvider SHARED = new FakeIdentityProvider();

    private final RSAKey impostorKey;
    private final DisposableServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile RSAKey key;
    private volatile String jwks;
    private volatile boolean hanging;

    private FakeIdentityProvider() {
        key = generate(KEY_ID);
        impostorKey = generate(KEY_ID);
        jwks = new JWKSet(key.toPublicJWK()).toString();
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/jwks", (request, response) -> {
                    fetches.incrementAndGet();
                    return hanging
                            ? Mono.<Void>never()
                            : response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(jwks))
                                    .then();
                }))
                .bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow));
    }

    static FakeIdentityProvider shared() {
        return SHARED;
    }

    /** A provider of its own, for a test that changes its keys or makes it hang. */
    static FakeIdentityProvider started() {
        return new FakeIdentityProvider();
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.port() + "/jwks";
    }

    /** How many times the JWKS was asked for. */
    int fetches() {
        return fetches.get();
    }

    /** While set, the JWKS endpoint accepts requests and never answers. */
    void hang(boolean hang) {
        hanging = hang;
    }

    /** Signs with a new key from now on and publishes only that one: the former key is removed. */
    void rotateKey(String keyId) {
        key = generate(keyId);
        jwks = new JWKSet(key.toPublicJWK()).toString();
    }

    /** Signed with the provider's key but naming a key id the JWKS does not list. */
    String tokenWithUnknownKeyId(String keyId) {
        return sign(key, keyId, claims -> claims.subject("012345678901"));
    }

    /** A valid token for this subject and these roles, for ten minutes. */
    String token(String subject, String... roles) {
        return token(claims -> claims.subject(subject).claim("roles", List.of(roles)));
    }

    /** A token with valid defaults that the caller then changes. */
    String token(Consumer<JWTClaimsSet.Builder> changes) {
        RSAKey signing = key;
        return sign(signing, signing.getKeyID(), changes);
    }

    /** Looks like ours (same key id, same claims) but is signed by another key. */
    String signedByImpostor(String subject) {
        return sign(impostorKey, KEY_ID, claims -> claims.subject(subject).claim("roles", List.of("ops")));
    }

    /** An unsigned token ({@code alg: none}) with valid claims. */
    static String unsigned(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\""
                        + subject + "\",\"roles\":[\"ops\"],\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String sign(RSAKey signingKey, String keyId, Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("012345678901")
                .claim("roles", List.of("citizen"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        changes.accept(claims);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(keyId)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
        return jwt.serialize();
    }
}
