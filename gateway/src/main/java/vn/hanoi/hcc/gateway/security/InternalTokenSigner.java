package vn.hanoi.hcc.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.gateway.caller.Caller;

/**
 * Signs the internal identity token (HS256, shared secret) that tells the BFF who is calling. It
 * lives for seconds and only ever travels between the gateway and the BFF.
 */
@Component
class InternalTokenSigner {

    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private final InternalTokenProperties properties;
    private final MACSigner signer;
    private final Clock clock;

    InternalTokenSigner(InternalTokenProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
        try {
            this.signer = new MACSigner(properties.secretBytes());
        } catch (JOSEException weakKey) {
            throw new IllegalStateException("The internal token secret is too short", weakKey);
        }
    }

    String header() {
        return properties.header();
    }

    String sign(Caller caller, String requestId) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .subject(caller.subject())
                .claim("kind", caller.kind().label())
                .claim("rid", requestId)
                .claim("cip", caller.clientAddress());
        if (!caller.roles().isEmpty()) {
            claims.claim("roles", List.copyOf(caller.roles()));
        }
        if (!caller.scopes().isEmpty()) {
            claims.claim("scopes", List.copyOf(caller.scopes()));
        }
        if (!caller.agencies().isEmpty()) {
            claims.claim("agencies", List.copyOf(caller.agencies()));
        }
        SignedJWT token = new SignedJWT(HEADER, claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException impossible) {
            throw new IllegalStateException("HMAC signing failed", impossible);
        }
        return token.serialize();
    }
}
