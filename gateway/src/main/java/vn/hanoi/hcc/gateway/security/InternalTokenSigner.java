package vn.hanoi.hcc.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.gateway.caller.Caller;

/**
 * Signs the internal identity token (HS256, shared secret) that tells the BFF who is calling. It
 * lives for {@code ttl} and only ever travels between the gateway and the BFF.
 *
 * <p>A token is reused for the same caller during the first half of its life: signing one per
 * request was the largest single cost of the gateway's request path. The cache is keyed by the
 * whole {@link Caller} (kind, subject, roles, scopes, agencies, rate tier and client address), and
 * the token holds nothing but that, so a reused token says exactly what a fresh one would; and
 * since it is handed out only while at least half its life is left, it reaches the BFF well before
 * it expires (a route's response timeout is at most a minute, the BFF checks the token on arrival).
 */
@Component
class InternalTokenSigner {

    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    /** Callers whose token is kept: every client address of a busy minute, and then some. */
    private static final long KEPT_CALLERS = 100_000;

    private final InternalTokenProperties properties;
    private final MACSigner signer;
    private final Clock clock;
    private final Cache<Caller, String> recent;

    @Autowired
    InternalTokenSigner(InternalTokenProperties properties) {
        this(properties, Clock.systemUTC(), Ticker.systemTicker());
    }

    InternalTokenSigner(InternalTokenProperties properties, Clock clock, Ticker ticker) {
        this.properties = properties;
        this.clock = clock;
        this.recent = Caffeine.newBuilder()
                .maximumSize(KEPT_CALLERS)
                .expireAfterWrite(properties.ttl().dividedBy(2))
                .ticker(ticker)
                .build();
        try {
            this.signer = new MACSigner(properties.secretBytes());
        } catch (JOSEException weakKey) {
            throw new IllegalStateException("The internal token secret is too short", weakKey);
        }
    }

    String header() {
        return properties.header();
    }

    /** The caller's token: the one signed for them in the last half-life, or a new one. */
    String tokenFor(Caller caller) {
        return recent.get(caller, this::sign);
    }

    private String sign(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .subject(caller.subject())
                .claim("kind", caller.kind().label())
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
