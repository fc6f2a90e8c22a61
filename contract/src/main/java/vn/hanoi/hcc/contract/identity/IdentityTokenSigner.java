package vn.hanoi.hcc.contract.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Signs identity tokens (the gateway's side): HS256 with the shared key, valid for {@code ttl}. */
public final class IdentityTokenSigner {

    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private final MACSigner signer;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param key the shared key in base64 ({@link IdentityTokenKey})
     * @param issuer the tokens' {@code iss}
     * @param audience the tokens' {@code aud}
     * @param ttl how long a token is valid from its signing
     */
    public IdentityTokenSigner(String key, String issuer, String audience, Duration ttl, Clock clock) {
        try {
            this.signer = new MACSigner(IdentityTokenKey.decode(key));
        } catch (JOSEException weakKey) {
            throw new IllegalArgumentException("The identity token key is too short", weakKey);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A token saying exactly this identity, issued now. */
    public String sign(Identity identity) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .subject(identity.subject())
                .claim(IdentityClaims.KIND, identity.kind().label())
                .claim(IdentityClaims.CLIENT_ADDRESS, identity.clientAddress());
        listUnlessEmpty(claims, IdentityClaims.ROLES, identity.roles());
        listUnlessEmpty(claims, IdentityClaims.SCOPES, identity.scopes());
        listUnlessEmpty(claims, IdentityClaims.AGENCIES, identity.agencies());
        SignedJWT token = new SignedJWT(HEADER, claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException impossible) {
            throw new IllegalStateException("HMAC signing failed", impossible);
        }
        return token.serialize();
    }

    private static void listUnlessEmpty(JWTClaimsSet.Builder claims, String name, Set<String> values) {
        if (!values.isEmpty()) {
            claims.claim(name, List.copyOf(values));
        }
    }
}
