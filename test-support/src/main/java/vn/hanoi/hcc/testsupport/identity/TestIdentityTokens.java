package vn.hanoi.hcc.testsupport.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;

/**
 * Identity tokens as the gateway signs them, written out here claim by claim (not with the contract
 * module's signer), so that the tests hold each service to the token's format: the BFF's tests call
 * it with these, the gateway's read what it sent with {@link #verifiedClaims}.
 */
public final class TestIdentityTokens {

    public static final String HEADER = "X-Hcc-Identity";

    private static final Duration VALIDITY = Duration.ofMinutes(1);
    private static final String LOOPBACK = "127.0.0.1";

    private TestIdentityTokens() {}

    public static String anonymous() {
        return anonymousFrom(LOOPBACK);
    }

    /** An anonymous caller at this client address (the gateway's {@code cip}). */
    public static String anonymousFrom(String clientAddress) {
        return sign(
                "anonymous",
                null,
                List.of(),
                List.of(),
                List.of(),
                clientAddress,
                VALIDITY,
                TestSecrets.internalTokenSecret());
    }

    public static String citizen(String citizenId) {
        return sign("user", citizenId, List.of("citizen"), List.of(), VALIDITY, TestSecrets.internalTokenSecret());
    }

    public static String ops(String subject) {
        return sign("user", subject, List.of("ops"), List.of(), VALIDITY, TestSecrets.internalTokenSecret());
    }

    /** An agent whose key names no agency: it may not file (see the overload with agencies). */
    public static String agent(String clientId, List<String> scopes) {
        return agent(clientId, scopes, List.of());
    }

    /** An agent whose key files for these agencies. */
    public static String agent(String clientId, List<String> scopes, List<String> agencies) {
        return sign(
                "agent", clientId, List.of(), scopes, agencies, LOOPBACK, VALIDITY, TestSecrets.internalTokenSecret());
    }

    public static String system(String clientId) {
        return system(clientId, VALIDITY);
    }

    /** The city system, with a token valid this long: for a test that outlasts the gateway's minute. */
    public static String system(String clientId, Duration validity) {
        return sign(
                "system",
                clientId,
                List.of(),
                List.of("dossiers:read", "dossiers:write", "webhooks:write"),
                validity,
                TestSecrets.internalTokenSecret());
    }

    /** The gateway calling on its own behalf (the API-key lookups). */
    public static String gateway() {
        return sign("service", "gateway", List.of(), List.of(), VALIDITY, TestSecrets.internalTokenSecret());
    }

    /** Any token: another kind, a validity (negative for expired), another secret (base64). */
    public static String sign(
            String kind, String subject, List<String> roles, List<String> scopes, Duration validity, String secret) {
        return sign(kind, subject, roles, scopes, List.of(), LOOPBACK, validity, secret);
    }

    /** The claims of a token, once its signature with the tests' shared secret is checked. */
    public static JWTClaimsSet verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new MACVerifier(Base64.getDecoder().decode(TestSecrets.internalTokenSecret())))) {
                throw new AssertionError("The identity token is not signed with the shared secret");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | RuntimeException unreadable) {
            throw new AssertionError("No valid identity token: " + unreadable);
        }
    }

    private static String sign(
            String kind,
            String subject,
            List<String> roles,
            List<String> scopes,
            List<String> agencies,
            String clientAddress,
            Duration validity,
            String secret) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "hcc-gateway");
        claims.put("aud", "hcc-mobile-bff");
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        claims.put("kind", kind);
        claims.put("cip", clientAddress);
        Map.of("roles", roles, "scopes", scopes, "agencies", agencies).forEach((name, values) -> {
            if (!values.isEmpty()) {
                claims.put(name, values);
            }
        });
        claims.values().removeIf(value -> value == null);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(claims));
            jwt.sign(new MACSigner(Base64.getDecoder().decode(secret)));
            return jwt.serialize();
        } catch (ParseException | JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
