package vn.hanoi.hcc.contract.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the gateway signs, the BFF reads back exactly; anything else it refuses. */
class IdentityTokenTest {

    private static final String KEY =
            Base64.getEncoder().encodeToString("an-identity-token-key-of-32-bytes!".getBytes());
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    private final IdentityTokenSigner gateway = signer(KEY, "hcc-mobile-bff", Duration.ofSeconds(60), NOW);
    private final IdentityTokenVerifier bff = new IdentityTokenVerifier(
            KEY, "hcc-gateway", "hcc-mobile-bff", Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @EnumSource(CallerKind.class)
    void readsBackWhatWasSigned(CallerKind kind) {
        Identity identity = new Identity(
                kind, "subject-1", Set.of("citizen", "ops"), Set.of("dossiers:read"), Set.of("H26.99"), "203.0.113.7");

        assertThat(bff.verify(gateway.sign(identity))).isEqualTo(identity);
    }

    @Test
    void writesTheClaimsBothSidesNameAndLeavesEmptySetsOut() throws Exception {
        Identity anonymous = new Identity(CallerKind.ANONYMOUS, null, Set.of(), Set.of(), Set.of(), "198.51.100.9");

        JWTClaimsSet claims = SignedJWT.parse(gateway.sign(anonymous)).getJWTClaimsSet();

        assertThat(claims.getClaims()).containsOnlyKeys("iss", "aud", "iat", "exp", "kind", "cip");
        assertThat(claims.getStringClaim("kind")).isEqualTo("anonymous");
        assertThat(claims.getStringClaim("cip")).isEqualTo("198.51.100.9");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(bff.verify(gateway.sign(anonymous))).isEqualTo(anonymous);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String forged = signer(
                        Base64.getEncoder().encodeToString(new byte[32]), "hcc-mobile-bff", Duration.ofSeconds(60), NOW)
                .sign(citizen());

        assertThatThrownBy(() -> bff.verify(forged))
                .isInstanceOf(InvalidIdentityTokenException.class)
                .hasMessage("The gateway identity is not authentic");
    }

    @Test
    void refusesAnUnsignedToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"iss\":\"hcc-gateway\",\"aud\":\"hcc-mobile-bff\",\"kind\":\"service\",\"exp\":9999999999}"
                                .getBytes());

        assertThatThrownBy(() -> bff.verify(header + "." + claims + "."))
                .isInstanceOf(InvalidIdentityTokenException.class);
    }

    @Test
    void acceptsATokenJustPastItsExpiryWithinTheClockSkewOnly() {
        String withinSkew = signer(KEY, "hcc-mobile-bff", Duration.ofSeconds(60), NOW.minusSeconds(69))
                .sign(citizen());
        String pastSkew = signer(KEY, "hcc-mobile-bff", Duration.ofSeconds(60), NOW.minusSeconds(71))
                .sign(citizen());

        assertThat(bff.verify(withinSkew)).isEqualTo(citizen());
        assertThatThrownBy(() -> bff.verify(pastSkew))
                .isInstanceOf(InvalidIdentityTokenException.class)
                .hasMessage("The gateway identity is expired or not meant for this service");
    }

    @Test
    void refusesATokenForAnotherAudienceOrFromAnotherIssuer() {
        String forAnother =
                signer(KEY, "another-service", Duration.ofSeconds(60), NOW).sign(citizen());
        IdentityTokenVerifier expectingAnotherIssuer = new IdentityTokenVerifier(
                KEY, "another-gateway", "hcc-mobile-bff", Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> bff.verify(forAnother))
                .isInstanceOf(InvalidIdentityTokenException.class)
                .hasMessage("The gateway identity is expired or not meant for this service");
        assertThatThrownBy(() -> expectingAnotherIssuer.verify(gateway.sign(citizen())))
                .isInstanceOf(InvalidIdentityTokenException.class);
    }

    @Test
    void callsAnythingElseMalformed() {
        assertThatThrownBy(() -> bff.verify("not-a-token"))
                .isInstanceOf(InvalidIdentityTokenException.class)
                .hasMessage("The gateway identity is malformed");
    }

    @Test
    void refusesAKeyTooShortForHs256() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> signer(short31, "hcc-mobile-bff", Duration.ofSeconds(60), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityTokenVerifier(
                        short31, "hcc-gateway", "hcc-mobile-bff", Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsWhoTheCallerIs() {
        assertThat(citizen().toString()).isEqualTo("Identity[user]").doesNotContain("001099000777", "203.0.113.7");
    }

    private static Identity citizen() {
        return new Identity(CallerKind.USER, "001099000777", Set.of("citizen"), Set.of(), Set.of(), "203.0.113.7");
    }

    private static IdentityTokenSigner signer(String key, String audience, Duration ttl, Instant at) {
        return new IdentityTokenSigner(key, "hcc-gateway", audience, ttl, Clock.fixed(at, ZoneOffset.UTC));
    }
}
