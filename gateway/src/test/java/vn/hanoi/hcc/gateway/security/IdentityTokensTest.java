package vn.hanoi.hcc.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.hanoi.hcc.contract.identity.CallerKind;
import vn.hanoi.hcc.gateway.caller.Caller;

/** The identity token reused per caller: never another caller's, never near its expiry. */
class IdentityTokensTest {

    private static final byte[] SECRET = "an-internal-token-secret-of-32-bytes!".getBytes();
    private static final Instant START = Instant.parse("2026-12-06T03:00:00Z");

    private final AtomicLong elapsedNanos = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return START.plusNanos(elapsedNanos.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final InternalTokenProperties properties = new InternalTokenProperties(
            Base64.getEncoder().encodeToString(SECRET),
            "X-Hcc-Identity",
            "hcc-gateway",
            "hcc-mobile-bff",
            Duration.ofSeconds(60));
    private final IdentityTokens signer = new IdentityTokens(properties, clock, elapsedNanos::get);

    private final Caller citizen = Caller.user("001099000777", java.util.List.of("citizen"), "203.0.113.7");

    @Test
    void reusesACallersTokenDuringTheFirstHalfOfItsLife() throws Exception {
        String first = signer.tokenFor(citizen);
        elapsedNanos.set(Duration.ofSeconds(29).toNanos());

        assertThat(signer.tokenFor(Caller.user("001099000777", java.util.List.of("citizen"), "203.0.113.7")))
                .isEqualTo(first);
        assertThat(claims(first).getExpirationTime().toInstant()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void signsAFreshOneOnceHalfItsLifeIsGone() throws Exception {
        String first = signer.tokenFor(citizen);
        elapsedNanos.set(Duration.ofSeconds(30).toNanos());

        String second = signer.tokenFor(citizen);

        assertThat(second).isNotEqualTo(first);
        Instant expiry = claims(second).getExpirationTime().toInstant();
        assertThat(expiry)
                .as("a token handed out has at least half its life left")
                .isEqualTo(START.plusSeconds(90));
    }

    @Test
    void neverHandsACallerAnotherCallersToken() throws Exception {
        String mine = signer.tokenFor(citizen);
        Caller sameSubjectElsewhere = Caller.user("001099000777", java.util.List.of("citizen"), "198.51.100.9");
        Caller samePersonMoreRoles = Caller.user("001099000777", java.util.List.of("citizen", "ops"), "203.0.113.7");
        Caller agent = Caller.machine(
                CallerKind.AGENT, "agent-1", Set.of("dossiers:read"), Set.of("H26.99"), "standard", "203.0.113.7");
        Caller sameAgentOtherAgencies = Caller.machine(
                CallerKind.AGENT, "agent-1", Set.of("dossiers:read"), Set.of("H26.98"), "standard", "203.0.113.7");

        assertThat(claims(signer.tokenFor(sameSubjectElsewhere)).getStringClaim("cip"))
                .isEqualTo("198.51.100.9");
        assertThat(claims(signer.tokenFor(samePersonMoreRoles)).getStringListClaim("roles"))
                .containsExactlyInAnyOrder("citizen", "ops");
        assertThat(claims(signer.tokenFor(agent)).getStringListClaim("agencies"))
                .containsExactly("H26.99");
        assertThat(claims(signer.tokenFor(sameAgentOtherAgencies)).getStringListClaim("agencies"))
                .containsExactly("H26.98");
        assertThat(claims(signer.tokenFor(Caller.anonymous("203.0.113.7"))).getSubject())
                .isNull();
        JWTClaimsSet again = claims(signer.tokenFor(citizen));
        assertThat(again.getStringClaim("cip")).isEqualTo("203.0.113.7");
        assertThat(again.getStringListClaim("roles")).containsExactly("citizen");
        assertThat(signer.tokenFor(citizen)).isEqualTo(mine);
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
        return jwt.getJWTClaimsSet();
    }
}
