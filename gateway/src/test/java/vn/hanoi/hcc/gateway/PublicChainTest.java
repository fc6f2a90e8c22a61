package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The public routes' requests without credentials take a chain of their own (no authentication or
 * authorization filters): what it lets through, and what still goes through the full chain.
 */
class PublicChainTest extends SharedFakeBffTest {

    @Test
    void routesAnAnonymousCallerWithTheSecurityHeaders() {
        web.get()
                .uri("/api/v1/points/nearest?lat=21.03&lon=105.85")
                .header("X-Request-Id", "public-anon-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/points/nearest"))
                        .getClaim("kind"))
                .isEqualTo("anonymous");
    }

    @Test
    void keepsTheWhatIfOutOfItAtEveryDepth() {
        for (String path :
                new String[] {"/api/v1/coverage/what-if", "/api/v1/coverage/what-if/", "/api/v1/coverage/what-if/x"}) {
            web.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"remove\":[\"HQ\"]}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://hcc.hanoi.gov.vn/problems/unauthorized");
        }
    }

    @Test
    void checksCredentialsSentToAPublicRoute() {
        web.get()
                .uri("/api/v1/points")
                .header("X-Api-Key", "hcc_never_issued_0000")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown or revoked API key");

        String key = TestApiKeys.agent(bff, "agent-public", "standard", "dossiers:read");
        web.get()
                .uri("/api/v1/points")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/points"))
                        .getClaim("kind"))
                .isEqualTo("agent");
    }
}
