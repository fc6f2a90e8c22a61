package vn.hanoi.hcc.bff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** The BFF answers nothing but its OpenAPI document without the gateway's identity. */
class InternalIdentityTest extends BffIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void refusesACallAroundTheGateway() {
        aroundTheGateway()
                .get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/unauthorized")
                .jsonPath("$.detail")
                .isEqualTo("Call this API through the gateway");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = TestIdentityTokens.sign(
                "user",
                "012345678901",
                List.of("ops"),
                List.of(),
                Duration.ofMinutes(1),
                Base64.getEncoder().encodeToString(new byte[32]));

        as(forged).get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TestIdentityTokens.sign(
                "anonymous", null, List.of(), List.of(), Duration.ofMinutes(-1), TestSecrets.internalTokenSecret());

        as(expired).get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnUnsignedToken() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"iss\":\"hcc-gateway\",\"aud\":\"hcc-mobile-bff\",\"kind\":\"service\",\"exp\":9999999999}"
                                .getBytes());

        as(header + "." + claims + ".")
                .get()
                .uri("/api/v1/points")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        as("not-a-token").get().uri("/api/v1/points").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void acceptsTheGatewaysToken() {
        web.get().uri("/api/v1/points/HQ").exchange().expectStatus().isOk();
    }

    @Test
    void keepsInternalOperationsToTheGatewayItself() {
        as(TestIdentityTokens.ops("staff-1"))
                .get()
                .uri("/internal/v1/api-keys/" + "0".repeat(64))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        aroundTheGateway()
                .get()
                .uri("/internal/v1/api-keys/" + "0".repeat(64))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /** Spellings the handler mappings decode or normalize to an API path, or might. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61pi/v1/points",
                "/api/v1/%70oints",
                "//api/v1/points",
                "/api//v1/points",
                "/api/./v1/points",
                "/./api/v1/points",
                "/api/v1/points/",
                "/api;x=1/v1/points",
                "/api/v1;x/points",
                "/api/v1/points;x",
                "/%2Fapi/v1/points",
                "/api%2Fv1%2Fpoints",
                "/v3/api-docs/../../api/v1/points",
                "/v3/api-docs/%2E%2E/%2E%2E/api/v1/points",
                "/API/v1/points",
                "/internal/v1/api-keys/" + "0"
            })
    void refusesEverySpellingOfAnApiPathWithoutTheGatewaysIdentity(String path) {
        aroundTheGateway()
                .get()
                .uri(raw(path))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAWhatIfAtAnEncodedPathWithoutTheGatewaysIdentity() {
        aroundTheGateway()
                .post()
                .uri(raw("/%61pi/v1/coverage/what-if"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesAPathNoOneServesWithoutTheGatewaysIdentity() {
        aroundTheGateway()
                .get()
                .uri(raw("/favicon.ico"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        aroundTheGateway()
                .get()
                .uri(raw("/v3/api-docs.json"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void servesTheOpenApiDocumentToAnyone() throws InterruptedException {
        aroundTheGateway()
                .get()
                .uri(raw("/v3/api-docs/swagger-config"))
                .exchange()
                .expectStatus()
                .isOk();
        // springdoc builds the document for a few seconds after startup, under a lock that a request
        // meanwhile waits on (a 500 under BlockHound): what matters here is that it is never refused
        for (int tries = 0; tries < 30 && docsStatus() == 500; tries++) {
            Thread.sleep(500);
        }
        assertThat(docsStatus()).isEqualTo(200);
    }

    private int docsStatus() {
        return aroundTheGateway()
                .get()
                .uri(raw("/v3/api-docs"))
                .exchange()
                .expectBody()
                .returnResult()
                .getStatus()
                .value();
    }

    /** The path exactly as written: nothing decoded, normalized or encoded on the way. */
    private URI raw(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
