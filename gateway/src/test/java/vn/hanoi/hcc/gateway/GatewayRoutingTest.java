package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

class GatewayRoutingTest extends SharedFakeBffTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/points?type=WARD_POINT",
                "/api/v1/points/W00070",
                "/api/v1/coverage",
                "/api/v1/coverage/map.svg"
            })
    void routesPublicGetsToTheBff(String path) {
        web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.from")
                .isEqualTo("fake-bff");

        assertThat(bff.last("/api/v1/").header(":uri")).isEqualTo(path);
    }

    @Test
    void routesTheDossierLookupPost() {
        web.post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"H26.99-251122-0001\",\"secret\":\"ABCD2345\"}")
                .exchange()
                .expectStatus()
                .isCreated();

        assertThat(bff.last("/api/v1/dossiers/lookup").body()).contains("H26.99-251122-0001");
    }

    @Test
    void handsTheBffASignedAnonymousIdentity() {
        web.get().uri("/api/v1/points").exchange().expectStatus().isOk();

        JWTClaimsSet claims = InternalTokenAssert.verifiedClaims(bff.last("/api/v1/points"));
        assertThat(claims.getClaim("kind")).isEqualTo("anonymous");
        assertThat(claims.getIssuer()).isEqualTo("hcc-gateway");
        assertThat(claims.getAudience()).containsExactly("hcc-mobile-bff");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void makesARequestIdPassesItOnAndEchoesItOnce() {
        var result = web.get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();

        assertThat(result.getResponseHeaders().get("X-Request-Id"))
                .singleElement()
                .asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isEqualTo(bff.last("/api/v1/points").header("x-request-id"));
    }

    @Test
    void keepsTheCallersWellFormedRequestId() {
        web.get()
                .uri("/api/v1/points?mine")
                .header("X-Request-Id", "app-7f3a.1")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "app-7f3a.1");

        assertThat(bff.last("/api/v1/points?mine").header("x-request-id")).isEqualTo("app-7f3a.1");
    }

    @Test
    void replacesAMalformedRequestId() {
        web.get()
                .uri("/api/v1/points?malformed")
                .header("X-Request-Id", "<script>alert(1)</script>")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(bff.last("/api/v1/points?malformed").header("x-request-id"))
                .doesNotContain("<")
                .hasSize(36);
    }

    @Test
    void stripsSpoofedIdentityHeadersAndReplacesTheInternalToken() {
        web.get()
                .uri("/api/v1/points?spoofed")
                .header("X-User-Id", "012345678901")
                .header("X-User-Roles", "ops")
                .header("X-Hcc-Identity", "forged.jwt.value")
                .header("x-hcc-client", "dev-system")
                .header("X-Remote-User", "admin")
                .header("Accept-Language", "vi")
                .exchange()
                .expectStatus()
                .isOk();

        FakeBff.Received received = bff.last("/api/v1/points?spoofed");
        assertThat(received.headers())
                .doesNotContainKeys("x-user-id", "x-user-roles", "x-hcc-client", "x-remote-user")
                .containsEntry("accept-language", "vi");
        assertThat(received.header("x-hcc-identity")).isNotEqualTo("forged.jwt.value");
        assertThat(InternalTokenAssert.verifiedClaims(received).getClaim("kind"))
                .isEqualTo("anonymous");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/nope",
                "/api/v2/points",
                "/api/v1/unknown",
                "/api/v1",
                "/api/v1/pointsX",
                "/actuator/health",
                "/actuator/env",
                "/v3/api-docs",
                "/internal/v1/api-keys/abc",
                "/dev/tokens"
            })
    void answersPathsNoRouteServesWith404ProblemItself(String path) {
        web.get()
                .uri(path)
                .header("X-Request-Id", "no-route-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/not-found")
                .jsonPath("$.title")
                .isEqualTo("Resource not found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.requestId")
                .isEqualTo("no-route-1");
    }

    @Test
    void answersASlowBffWith504ProblemAtTheResponseTimeout() {
        web.get()
                .uri("/api/v1/points/slow")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/gateway-timeout")
                .jsonPath("$.requestId")
                .exists();
    }

    @Test
    void answersABffThatHangsUpWith502ProblemWithoutRetrying() {
        long before = bff.count("/api/v1/points/reset");

        web.get()
                .uri("/api/v1/points/reset")
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/bad-gateway");
        assertThat(bff.count("/api/v1/points/reset") - before)
                .as("the BFF got the request: retrying could run it twice")
                .isEqualTo(1);
    }

    @Test
    void passesTheBffsOwnErrorsThrough() {
        web.get()
                .uri("/api/v1/points/fail500")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("boom");
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        web.get().uri("/api/v1/points").exchange().expectStatus().isOk();

        String metrics = management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains(
                        "application=\"gateway\"",
                        "hcc_gateway_requests_seconds_count",
                        // the dashboard's latency per route reads these buckets
                        "hcc_gateway_requests_seconds_bucket{",
                        "le=\"0.25\"",
                        "client_kind=\"anonymous\"",
                        "route=\"points\"",
                        "resilience4j_circuitbreaker_state");
        management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }
}
