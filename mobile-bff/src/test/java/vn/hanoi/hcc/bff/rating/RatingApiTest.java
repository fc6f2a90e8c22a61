package vn.hanoi.hcc.bff.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class RatingApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    private static final String CITIZEN = "001099777001";

    @Test
    void ratesAFinishedDossierOnce() {
        String code = dossierInStatus(9);

        rate(CITIZEN, code, Map.of("score", 5, "comment", "Nhanh, chu đáo"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.score")
                .isEqualTo(5)
                .jsonPath("$.code")
                .isEqualTo(code);
        rate(CITIZEN, code, Map.of("score", 4))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("This dossier has already been rated");
    }

    @Test
    void waitsForTheResult() {
        rate(CITIZEN, dossierInStatus(4), Map.of("score", 3))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void isOnlyForTheApplicant() {
        String code = dossierInStatus(10);

        rate("001099777999", code, Map.of("score", 1)).expectStatus().isNotFound();
        as(TestIdentityTokens.agent("agent-a", java.util.List.of("dossiers:write")))
                .post()
                .uri("/api/v1/me/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("score", 5))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.post()
                .uri("/api/v1/me/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("score", 5))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesScoresOutOfRangeAndLongComments() {
        String code = dossierInStatus(9);

        rate(CITIZEN, code, Map.of("score", 6))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("score");
        rate(CITIZEN, code, Map.of("score", 0)).expectStatus().isBadRequest();
        rate(CITIZEN, code, Map.of("score", "five"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("score");
        rate(CITIZEN, code, Map.of("score", 4, "comment", "x".repeat(1001)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("comment");
        rate(CITIZEN, code, Map.of()).expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec rate(String citizen, String code, Map<String, Object> rating) {
        return as(TestIdentityTokens.citizen(citizen))
                .post()
                .uri("/api/v1/me/dossiers/{code}/rating", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rating)
                .exchange();
    }

    private String dossierInStatus(int status) {
        WebTestClient system = as(TestIdentityTokens.system("city-ratings"));
        Map<String, Object> dossier = new HashMap<>();
        dossier.putAll(Map.of(
                "agencyCode",
                "R26.0" + (System.nanoTime() % 9 + 1),
                "procedureCode",
                "2.000908",
                "procedureName",
                "Cấp bản sao trích lục hộ tịch",
                "field",
                "Hộ tịch",
                "applicantCitizenId",
                CITIZEN,
                "applicantName",
                "Trần Thị Bình",
                "receivingPointId",
                "W00004",
                "receivedAt",
                RECEIVED.toString(),
                "dueAt",
                RECEIVED.plus(Duration.ofDays(1)).toString(),
                "channel",
                "counter"));
        dossier.put("resultDelivery", "counter");
        String code = (String) system.post()
                .uri("/api/v1/agent/dossiers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(dossier)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .get("code");
        int[] path = status == 4 ? new int[] {4} : status == 9 ? new int[] {4, 9} : new int[] {4, 9, 10};
        for (int step = 0; step < path.length; step++) {
            system.post()
                    .uri("/api/v1/agent/dossiers/{code}/events", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "eventId",
                            code + "-" + step,
                            "status",
                            path[step],
                            "occurredAt",
                            RECEIVED.plus(Duration.ofHours(step + 1L)).toString()))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        return code;
    }
}
