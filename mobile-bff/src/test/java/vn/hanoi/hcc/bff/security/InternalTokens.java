package vn.hanoi.hcc.bff.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import vn.hanoi.hcc.infra.embedded.TestSecrets;

/** Internal identity tokens as the gateway would sign them, for calling the BFF in tests. */
public final class InternalTokens {

    public static final String HEADER = "X-Hcc-Identity";

    private InternalTokens() {
    }

    public static String anonymous() {
        return sign("anonymous", null, List.of(), List.of(), Duration.ofMinutes(1), TestSecrets.internalTokenSecret());
    }

    public static String citizen(String citizenId) {
        return sign("user", citizenId, List.of("citizen"), List.of(), Duration.ofMinutes(1),
                TestSecrets.internalTokenSecret());
    }

    public static String ops(String subject) {
        return sign("user", subject, List.of("ops"), List.of(), Duration.ofMinutes(1), TestSecrets.internalTokenSecret());
    }

    /** An agent whose key names no agency: it may not file (see the overload with agencies). */
    public static String agent(String clientId, List<String> scopes) {
        return agent(clientId, scopes, List.of());
    }

    /** An agent whose key files for these agencies. */
    public static String agent(String clientId, List<String> scopes, List<String> agencies) {
        return sign("agent", clientId, List.of(), scopes, agencies, Duration.ofMinutes(1),
                TestSecrets.internalTokenSecret(), "127.0.0.1");
    }

    public static String system(String clientId) {
        return sign("system", clientId, List.of(), List.of("dossiers:read", "dossiers:write", "webhooks:write"),
                Duration.ofMinutes(1), TestSecrets.internalTokenSecret());
    }

    /** An anonymous caller at this client address (the gateway's {@code cip}). */
    public static String anonymousFrom(String clientAddress) {
        return signWith("anonymous", null, List.of(), List.of(), clientAddress);
    }

    public static String gateway() {
        return sign("service", "gateway", List.of(), List.of(), Duration.ofMinutes(1), TestSecrets.internalTokenSecret());
    }

    private static String signWith(String kind, String subject, List<String> roles, List<String> scopes,
            String clientAddress) {
        return sign(kind, subject, roles, scopes, List.of(), Duration.ofMinutes(1), TestSecrets.internalTokenSecret(),
                clientAddress);
    }

    /** Any token: another kind, a validity (negative for expired), another secret (base64). */
    public static String sign(String kind, String subject, List<String> roles, List<String> scopes, Duration validity,
            String secret) {
        return sign(kind, subject, roles, scopes, List.of(), validity, secret, "127.0.0.1");
    }

    private static String sign(String kind, String subject, List<String> roles, List<String> scopes,
            List<String> agencies, Duration validity, String secret, String clientAddress) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("hcc-gateway")
                .audience("hcc-mobile-bff")
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .claim("kind", kind)
                .claim("cip", clientAddress);
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        if (!scopes.isEmpty()) {
            claims.claim("scopes", scopes);
        }
        if (!agencies.isEmpty()) {
            claims.claim("agencies", agencies);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(Base64.getDecoder().decode(secret)));
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
        return jwt.serialize();
    }
}
