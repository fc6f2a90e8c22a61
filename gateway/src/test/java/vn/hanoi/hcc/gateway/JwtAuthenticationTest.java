package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** People's bearer tokens, as the city's identity provider issues them. */
class JwtAuthenticationTest extends SharedFakeBffTest {

    private static final String CITIZEN = "001099012345";

    @Test
    void routesACitizenWithAValidTokenAndHandsTheBffTheirIdentity() {
        web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .exchange()
                .expectStatus()
                .isOk();

        JWTClaimsSet claims = InternalTokenAssert.verifiedClaims(bff.last("/api/v1/me/dossiers"));
        assertThat(claims.getSubject()).isEqualTo(CITIZEN);
        assertThat(claims.getClaim("kind")).isEqualTo("user");
        assertThat(claims.getClaim("roles")).isEqualTo(List.of("citizen"));
        assertThat(bff.last("/api/v1/me/dossiers").headers()).doesNotContainKey("authorization");
    }

    @Test
    void routesACitizensReminderSettingWithTheirIdentityAndRefusesItWithoutAToken() {
        String path = "/api/v1/me/dossiers/H26.99-251122-0001/reminders";
        web.put()
                .uri(path)
                .headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(bff.last(path).header(":method")).isEqualTo("PUT");
        assertThat(bff.last(path).body()).isEqualTo("{\"enabled\":false}");
        assertThat(InternalTokenAssert.verifiedClaims(bff.last(path)).getSubject())
                .isEqualTo(CITIZEN);
        refused(web.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":true}")
                .exchange());
    }

    @Test
    void asksForATokenWhereOneIsNeeded() {
        refused(web.get().uri("/api/v1/me/dossiers").exchange())
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer realm=\"hcc\"");
        refused(web.get().uri("/api/v1/ops/overdue").exchange());
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(5));
        String expired = idp.token(
                claims -> claims.issueTime(Date.from(past.minusSeconds(600))).expirationTime(Date.from(past)));

        refused(call(expired))
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer realm=\"hcc\", error=\"invalid_token\".*");
    }

    @Test
    void toleratesASmallClockSkew() {
        Instant justNow = Instant.now().minusSeconds(10);
        String barelyExpired = idp.token(
                claims -> claims.issueTime(Date.from(justNow.minusSeconds(600))).expirationTime(Date.from(justNow)));

        call(barelyExpired).expectStatus().isOk();
    }

    @Test
    void refusesAnUnsignedToken() {
        refused(call(FakeIdentityProvider.unsigned(CITIZEN)));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        refused(call(idp.signedByImpostor(CITIZEN)));
    }

    @Test
    void refusesATokenOfAnotherIssuerOrAudience() {
        refused(call(idp.token(claims -> claims.issuer("https://evil.example"))));
        refused(call(idp.token(claims -> claims.audience("another-api"))));
    }

    @Test
    void refusesATokenWithoutSubjectOrExpiry() {
        refused(call(idp.token(claims -> claims.subject(null))));
        refused(call(idp.token(claims -> claims.expirationTime(null))));
    }

    @Test
    void refusesGarbage() {
        refused(call("not.a.token"));
        refused(web.get()
                .uri("/api/v1/me/dossiers")
                .header("Authorization", "Bearer")
                .exchange());
    }

    @Test
    void refusesAnInvalidTokenEvenOnAPublicRoute() {
        refused(web.get()
                .uri("/api/v1/points")
                .headers(h -> h.setBearerAuth(idp.signedByImpostor(CITIZEN)))
                .exchange());
    }

    @Test
    void keepsOpsToCenterStaff() {
        web.get()
                .uri("/api/v1/ops/overdue")
                .headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .header("X-User-Roles", "ops")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/forbidden")
                .jsonPath("$.detail")
                .isEqualTo("This API is for Center staff (role ops)");

        web.get()
                .uri("/api/v1/ops/overdue")
                .headers(h -> h.setBearerAuth(idp.token("staff-7", "ops")))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/ops/overdue"))
                        .getClaim("roles"))
                .isEqualTo(List.of("ops"));
    }

    @Test
    void keepsTheCoverageWhatIfToCenterStaff() {
        refused(whatIf().exchange());
        whatIf().headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/forbidden");

        whatIf().headers(h -> h.setBearerAuth(idp.token("staff-what-if", "ops")))
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/coverage/what-if"))
                        .getClaim("roles"))
                .isEqualTo(List.of("ops"));
        web.get().uri("/api/v1/coverage").exchange().expectStatus().isOk();
    }

    @Test
    void keepsTheCoverageSuggestionsToCenterStaff() {
        refused(suggestions().exchange());
        suggestions()
                .headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .exchange()
                .expectStatus()
                .isForbidden();

        suggestions()
                .headers(h -> h.setBearerAuth(idp.token("staff-suggestions", "ops")))
                .exchange()
                .expectStatus()
                .isCreated();
        web.get()
                .uri("/api/v1/coverage/map.svg?suggest=3")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.RequestHeadersSpec<?> whatIf() {
        return web.post()
                .uri("/api/v1/coverage/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"remove\":[\"HQ\"]}");
    }

    private WebTestClient.RequestHeadersSpec<?> suggestions() {
        return web.post()
                .uri("/api/v1/coverage/suggestions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"count\":3}");
    }

    @Test
    void keepsMachineRoutesToApiKeys() {
        web.get()
                .uri("/api/v1/agent/dossiers")
                .headers(h -> h.setBearerAuth(idp.token(CITIZEN, "citizen")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void hasNoDevTokenEndpointOutsideTheLocalProfile() {
        web.post()
                .uri("/dev/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"x\",\"roles\":[\"ops\"]}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient.ResponseSpec call(String token) {
        return web.get()
                .uri("/api/v1/me/dossiers")
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private static WebTestClient.ResponseSpec refused(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("WWW-Authenticate")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.requestId")
                .exists();
        return response;
    }
}
