package vn.hanoi.hcc.bff.security;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.infra.embedded.TestSecrets;

/** The BFF answers nothing under /api without the gateway's identity. */
class InternalIdentityTest extends BffIntegrationTest {

    @Test
    void refusesACallAroundTheGateway() {
        aroundTheGateway().get().uri("/api/v1/points").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hcc.hanoi.gov.vn/problems/unauthorized")
                .jsonPath("$.detail").isEqualTo("Call this API through the gateway");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = InternalTokens.sign("user", "012345678901", List.of("ops"), List.of(), Duration.ofMinutes(1),
                Base64.getEncoder().encodeToString(new byte[32]));

        as(forged).get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = InternalTokens.sign("anonymous", null, List.of(), List.of(), Duration.ofMinutes(-1),
                TestSecrets.internalTokenSecret());

        as(expired).get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnUnsignedToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"hcc-gateway\",\"aud\":\"hcc-mobile-bff\",\"kind\":\"service\",\"exp\":9999999999}".getBytes());

        as(header + "." + claims + ".").get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
        as("not-a-token").get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void acceptsTheGatewaysToken() {
        web.get().uri("/api/v1/points/HQ").exchange().expectStatus().isOk();
    }

    @Test
    void keepsInternalOperationsToTheGatewayItself() {
        as(InternalTokens.ops("staff-1")).get().uri("/internal/v1/api-keys/" + "0".repeat(64)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        aroundTheGateway().get().uri("/internal/v1/api-keys/" + "0".repeat(64)).exchange()
                .expectStatus().isUnauthorized();
    }
}
