package vn.hanoi.hcc.contract.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks identity tokens (the BFF's side): HS256 only, signed with the shared key, from the
 * expected issuer, for the expected audience, not expired (give or take {@code clockSkew}).
 */
public final class IdentityTokenVerifier {

    private final MACVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param key the shared key in base64 ({@link IdentityTokenKey})
     * @param issuer the {@code iss} a token must carry
     * @param audience a value its {@code aud} must contain
     * @param clockSkew tolerance on {@code exp}
     */
    public IdentityTokenVerifier(String key, String issuer, String audience, Duration clockSkew, Clock clock) {
        try {
            this.verifier = new MACVerifier(IdentityTokenKey.decode(key));
        } catch (JOSEException weakKey) {
            throw new IllegalArgumentException("The identity token key is too short", weakKey);
        }
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The identity the token says; an {@link InvalidIdentityTokenException} saying why not. */
    public Identity verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new InvalidIdentityTokenException("The gateway identity is not authentic");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!meantForThisServiceNow(claims)) {
                throw new InvalidIdentityTokenException(
                        "The gateway identity is expired or not meant for this service");
            }
            return new Identity(
                    CallerKind.fromLabel(claims.getStringClaim(IdentityClaims.KIND)),
                    claims.getSubject(),
                    strings(claims, IdentityClaims.ROLES),
                    strings(claims, IdentityClaims.SCOPES),
                    strings(claims, IdentityClaims.AGENCIES),
                    claims.getStringClaim(IdentityClaims.CLIENT_ADDRESS));
        } catch (ParseException | JOSEException | IllegalArgumentException malformed) {
            throw new InvalidIdentityTokenException("The gateway identity is malformed");
        }
    }

    private boolean meantForThisServiceNow(JWTClaimsSet claims) {
        Date expiry = claims.getExpirationTime();
        return issuer.equals(claims.getIssuer())
                && claims.getAudience() != null
                && claims.getAudience().contains(audience)
                && expiry != null
                && !expiry.toInstant().plus(clockSkew).isBefore(clock.instant());
    }

    private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
