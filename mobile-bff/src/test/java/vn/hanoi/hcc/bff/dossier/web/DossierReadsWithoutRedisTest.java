package vn.hanoi.hcc.bff.dossier.web;

import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.embedded.FreePort;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Redis unreachable: every read and write of dossiers still works, from PostgreSQL. */
class DossierReadsWithoutRedisTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void deadRedis(DynamicPropertyRegistry registry) {
        // a property name, not the variable: it must win over the Redis the base class sets
        registry.add("hcc.bff.cache.redis-url", () -> "redis://127.0.0.1:" + FreePort.find());
    }

    @Test
    void filesLooksUpAndShowsDossiersWithoutRedis() {
        WebTestClient system = as(TestIdentityTokens.system("city-no-redis"));
        Map<String, Object> filed =
                filed(system, dossier(DossierFixtures.freshAgency(), "001099555000", RECEIVED, Duration.ofDays(3)));
        String code = (String) filed.get("code");
        applied(system, code, event("nr-1", 4, RECEIVED.plus(Duration.ofHours(1))));

        for (int i = 0; i < 3; i++) {
            as(TestIdentityTokens.anonymousFrom("192.0.2.77"))
                    .post()
                    .uri("/api/v1/dossiers/lookup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("code", code, "secret", filed.get("lookupSecret")))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status.code")
                    .isEqualTo(4);
        }
        as(TestIdentityTokens.citizen("001099555000"))
                .get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
