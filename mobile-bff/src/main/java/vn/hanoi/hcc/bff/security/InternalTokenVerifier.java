package vn.hanoi.hcc.bff.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.error.UnauthenticatedException;

/** Checks the gateway's internal token: HS256 only, the shared key, issuer, audience, expiry. */
@Component
class InternalTokenVerifier {

    private final InternalTokenProperties properties;
    private final MACVerifier verifier;
    private final Clock clock = Clock.systemUTC();

    InternalTokenVerifier(InternalTokenProperties properties) throws JOSEException {
        this.properties = properties;
        this.verifier = new MACVerifier(properties.secretBytes());
    }

    Caller verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new UnauthenticatedException("The gateway identity is not authentic");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!properties.issuer().equals(claims.getIssuer())
                    || claims.getAudience() == null || !claims.getAudience().contains(properties.audience())
                    || expiry == null || expiry.toInstant().plus(properties.clockSkew()).isBefore(Instant.now(clock))) {
                throw new UnauthenticatedException("The gateway identity is expired or not meant for this service");
            }
            return new Caller(CallerKind.fromLabel(claims.getStringClaim("kind")), claims.getSubject(),
                    strings(claims, "roles"), strings(claims, "scopes"), strings(claims, "agencies"),
                    claims.getStringClaim("cip"));
        } catch (ParseException | JOSEException | IllegalArgumentException malformed) {
            throw new UnauthenticatedException("The gateway identity is malformed");
        }
    }

    private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
