package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.file;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class AgentDossierApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    private WebTestClient system;
    private WebTestClient agent;
    private String agency;

    @BeforeEach
    void clients() {
        system = as(TestIdentityTokens.system("city-system"));
        agency = DossierFixtures.freshAgency();
        agent = as(TestIdentityTokens.agent("agent-a", List.of("dossiers:write", "dossiers:read"), List.of(agency)));
    }

    @Test
    void filesWithTheCitySystemsOwnCode() {
        Map<String, Object> dossier = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        String code = DossierFixtures.systemCode(agency, RECEIVED);
        dossier.put("code", code);

        Map<String, Object> filed = filed(system, dossier);

        assertThat(filed)
                .containsEntry("code", code)
                .containsEntry("status", 2)
                .containsEntry("dueAt", RECEIVED.plus(Duration.ofDays(5)).toString());
        assertThat((String) filed.get("lookupSecret")).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}");
        file(system, dossier)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("A dossier with code " + code + " exists");
    }

    @Test
    void givesAgentsGeneratedCodesNumberedPerAgencyAndDay() {
        String first = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        String second = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");

        String day = DossierFixtures.systemCode(agency, RECEIVED).split("-")[1];
        assertThat(first).isEqualTo(agency + "-" + day + "-0001");
        assertThat(second).isEqualTo(agency + "-" + day + "-0002");
    }

    @Test
    void startsAnOnlineSubmissionAtStatus1() {
        Map<String, Object> online = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        online.put("channel", "online");

        assertThat(filed(agent, online)).containsEntry("status", 1);
        online.put("channel", "postal");
        online.put("status", 1);
        refused(file(agent, online), "status");
    }

    @Test
    void letsOnlyTheCitySystemChooseACode() {
        Map<String, Object> dossier = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        dossier.put("code", DossierFixtures.systemCode(agency, RECEIVED));

        refused(file(agent, dossier), "code");
        dossier.put("code", DossierFixtures.systemCode("OTHER.1", RECEIVED));
        refused(file(system, dossier), "code");
        dossier.put("code", agency + "-251399-0001");
        refused(file(system, dossier), "code");
    }

    @Test
    void namesEveryInvalidField() {
        Map<String, Object> dossier = dossier(agency, "12345", RECEIVED, Duration.ofDays(-1));
        dossier.put("procedureName", "x".repeat(301));
        dossier.put("channel", "carrier-pigeon");
        dossier.remove("field");

        List<String> named = file(agent, dossier)
                .expectStatus()
                .isBadRequest()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("errors")
                .toString()
                .lines()
                .toList();
        assertThat(String.join("", named)).contains("applicantCitizenId", "procedureName", "channel", "field");
    }

    @Test
    void refusesDatesThatMakeNoSense() {
        refused(file(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(-1))), "dueAt");
        refused(
                file(
                        agent,
                        dossier(agency, "001099012345", Instant.now().plus(Duration.ofDays(2)), Duration.ofDays(5))),
                "receivedAt");
        Map<String, Object> garbled = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        garbled.put("receivedAt", "2025-13-45T99:00:00Z");
        refused(file(agent, garbled), "receivedAt");
    }

    @Test
    void refusesAnUnknownReceivingPoint() {
        Map<String, Object> dossier = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        dossier.put("receivingPointId", "NOWHERE");

        refused(file(agent, dossier), "receivingPointId");
    }

    @Test
    void refusesWrongTypesAndMalformedJson() {
        Map<String, Object> dossier = dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5));
        dossier.put("status", "two");
        refused(file(agent, dossier), "status");
        agent.post()
                .uri("/api/v1/agent/dossiers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"agencyCode\": [")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void isForMachineClientsOnly() {
        file(
                        as(TestIdentityTokens.citizen("001099012345")),
                        dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .expectStatus()
                .isForbidden();
        file(web, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .expectStatus()
                .isForbidden();
        file(aroundTheGateway(), dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void appliesAnEventAndAnswersItsReplayAsTheFirstTime() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        Map<String, Object> processing = event("evt-1", 4, RECEIVED.plus(Duration.ofHours(2)));

        Map<String, Object> first = applied(agent, code, processing);
        Map<String, Object> again = applied(agent, code, processing);

        assertThat(first)
                .containsEntry("result", "applied")
                .containsEntry("status", 4)
                .containsEntry("version", 2);
        assertThat(again)
                .containsEntry("result", "replayed")
                .containsEntry("status", 4)
                .containsEntry("version", 2);
    }

    @Test
    void refusesAnEventIdReusedForAnotherEvent() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        applied(agent, code, event("evt-same", 4, RECEIVED.plus(Duration.ofHours(2))));

        post(agent, code, event("evt-same", 9, RECEIVED.plus(Duration.ofHours(3))))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/identifier-reused");
    }

    @Test
    void refusesAnIllegalTransitionWith409() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");

        post(agent, code, event("evt-jump", 10, RECEIVED.plus(Duration.ofHours(2))))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/conflict")
                .jsonPath("$.detail")
                .isEqualTo("A dossier in status 2 (RECEIVED) cannot move to 10 (RETURNED); "
                        + "allowed: 4, 5, 6, 7, 8, 9");
        applied(agent, code, event("evt-jump", 4, RECEIVED.plus(Duration.ofHours(2))));
    }

    @Test
    void keepsALateEventForTheTimelineOnly() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        applied(agent, code, event("evt-9", 9, RECEIVED.plus(Duration.ofHours(5))));

        Map<String, Object> late = applied(agent, code, event("evt-4", 4, RECEIVED.plus(Duration.ofHours(2))));

        assertThat(late).containsEntry("result", "timeline").containsEntry("status", 9);
    }

    @Test
    void extendsTheDueTimeWithAReason() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        Instant newDue = RECEIVED.plus(Duration.ofDays(9));
        Map<String, Object> extension = Map.of(
                "eventId",
                "ext-1",
                "occurredAt",
                RECEIVED.plus(Duration.ofDays(1)).toString(),
                "dueAt",
                newDue.toString(),
                "reason",
                "Chờ ý kiến cơ quan liên quan");

        assertThat(applied(agent, code, extension))
                .containsEntry("result", "applied")
                .containsEntry("dueAt", newDue.toString())
                .containsEntry("status", 2);
        refused(
                post(
                        agent,
                        code,
                        Map.of("eventId", "ext-2", "occurredAt", RECEIVED.toString(), "dueAt", newDue.toString())),
                "reason");
    }

    @Test
    void refusesUnknownStatusCodesAndEventsWithoutStatus() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");

        refused(post(agent, code, event("evt-11", 11, RECEIVED.plus(Duration.ofHours(1)))), "status");
        refused(post(agent, code, event("evt-0", 0, RECEIVED.plus(Duration.ofHours(1)))), "status");
        refused(post(agent, code, Map.of("eventId", "evt-none", "occurredAt", RECEIVED.toString())), "status");
        refused(post(agent, code, event("evt-future", 4, Instant.now().plus(Duration.ofDays(1)))), "occurredAt");
        refused(post(agent, code, event("evt with spaces", 4, RECEIVED.plus(Duration.ofHours(1)))), "eventId");
    }

    @Test
    void hidesOneAgentsDossiersFromAnother() {
        String code = (String) filed(agent, dossier(agency, "001099012345", RECEIVED, Duration.ofDays(5)))
                .get("code");
        WebTestClient otherAgent = as(TestIdentityTokens.agent("agent-b", List.of("dossiers:write")));

        post(otherAgent, code, event("evt-b", 4, RECEIVED.plus(Duration.ofHours(1))))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("No dossier with id '" + code + "'");
        assertThat(applied(system, code, event("evt-sys", 4, RECEIVED.plus(Duration.ofHours(1)))))
                .containsEntry("result", "applied");
    }

    @Test
    void answersCodesWithTricksAsUnknown() {
        for (String trick :
                List.of("H26.99-251122-0001' OR '1'='1", "H26.99-２５１１２２-0001", "%27%3B--", "..%2F..%2Fetc")) {
            post(agent, trick, event("evt-trick", 4, RECEIVED))
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    static void refused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request")
                .jsonPath("$.errors[?(@.name == '" + field + "')]")
                .exists();
    }
}
