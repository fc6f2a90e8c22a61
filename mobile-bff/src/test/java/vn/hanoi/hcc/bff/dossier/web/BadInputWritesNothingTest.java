package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Malformed, oversized, wrongly typed or tricky input gets a 4xx problem and leaves the database as it was. */
class BadInputWritesNothingTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    DatabaseClient db;

    @Test
    void answersEveryBadRequestWithA4xxProblemAndWritesNothing() {
        WebTestClient system = as(TestIdentityTokens.system("city-bad-input"));
        String agency = DossierFixtures.freshAgency();
        String code = (String) filed(system, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        long before = rows();

        List<String> bodies = List.of(
                "",
                "{",
                "[]",
                "null",
                "\"text\"",
                "{\"agencyCode\": {\"$ne\": 1}}",
                "{\"agencyCode\":\"" + "A".repeat(100_000) + "\"}",
                "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"procedureName\": \"\\u0000\"}",
                "\u00ff\u00fe{");
        for (String body : bodies) {
            problem(system.post()
                    .uri("/api/v1/agent/dossiers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange());
            problem(system.post()
                    .uri("/api/v1/agent/dossiers/{code}/events", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange());
            problem(system.post()
                    .uri("/api/v1/agent/events:batch")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange());
        }
        for (Map.Entry<String, Object> tampered : Map.<String, Object>of(
                        "procedureName",
                        "Đăng ký\u0000kết hôn",
                        "applicantName",
                        "Robert'); DROP TABLE dossier;--",
                        "field",
                        "\u202Eevil",
                        "receivedAt",
                        12,
                        "dueAt",
                        "yesterday",
                        "applicantCitizenId",
                        "00109901234５",
                        "agencyCode",
                        "h26.99",
                        "resultDelivery",
                        List.of("counter"),
                        "channel",
                        Map.of("x", 1))
                .entrySet()) {
            Map<String, Object> dossier = new HashMap<>(dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)));
            dossier.put(tampered.getKey(), tampered.getValue());
            problem(DossierFixtures.file(system, dossier));
        }
        Map<String, Object> noteWithNul = event("nul-note", 4, RECEIVED.plus(Duration.ofHours(1)));
        noteWithNul.put("note", "a\u0000b");
        problem(DossierFixtures.post(system, code, noteWithNul));

        assertThat(rows()).isEqualTo(before);
    }

    private long rows() {
        return db.sql("SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM dossier_event) AS n")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static void problem(WebTestClient.ResponseSpec response) {
        response.expectStatus().is4xxClientError().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
