package vn.hanoi.hcc.bff.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.freshAgency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The forecast through the API: 35 dossiers of a procedure finished at one agency, sampled by the
 * refresh and loaded by this replica; running dossiers then carry their forecast, finished ones none.
 */
class ForecastApiTest extends BffIntegrationTest {

    private static final String CITIZEN = "001099007717";

    @Autowired
    private ForecastRefresher refresher;

    @Autowired
    private ForecastIndex index;

    private WebTestClient system;
    private String agency;
    private String procedure;

    @BeforeEach
    void history() {
        system = as(TestIdentityTokens.system("forecast-tests"));
        agency = freshAgency();
        procedure = "F." + agency;
        Instant received = Instant.now().minus(Duration.ofDays(60));
        for (int i = 1; i <= 35; i++) {
            String code = (String) filed(
                            system,
                            withProcedure(
                                    dossier(agency, CITIZEN, received, Duration.ofDays(30)),
                                    procedure,
                                    "Field " + procedure))
                    .get("code");
            applied(system, code, event(agency + "-p" + i, 4, received.plusSeconds(60)));
            applied(system, code, event(agency + "-r" + i, 9, received.plus(Duration.ofDays(i))));
        }
        for (int tries = 0; tries < 30 && !loaded(); tries++) {
            refresher.refresh().then(index.reload()).block();
        }
        assertThat(loaded()).as("the refresh sampled the history").isTrue();
    }

    @Test
    void showsTheForecastOfARunningDossierToItsOwnerAndTheReceiptsHolder() {
        Map<String, Object> running = runningDossier(agency, procedure, "Field " + procedure);
        Map<String, Object> mine = owner().get()
                .uri("/api/v1/me/dossiers/{code}", running.get("code"))
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> forecast = (Map<String, Object>) mine.get("forecast");
        assertThat(forecast)
                .containsEntry("available", true)
                .containsEntry("likelyLate", true)
                .containsEntry("paused", false);
        assertThat(forecast).containsKeys("expectedReadyAt", "lateBoundAt").doesNotContainKey("reason");
        assertThat((String) forecast.get("text")).startsWith("Likely ready by ").contains("; 8 in 10 by ");
        assertThat(forecast.get("basis").toString()).contains("level=PROCEDURE_AT_AGENCY", "sampleSize=35");

        String publicView = as(TestIdentityTokens.anonymousFrom("192.0.2.77"))
                .post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", running.get("code"), "secret", running.get("lookupSecret")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(publicView).contains("\"forecast\":{\"available\":true", "Dự kiến có kết quả vào");

        String list = owner().get()
                .uri("/api/v1/me/dossiers?size=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).contains("8/10 hồ sơ tương tự xong trước");
    }

    @Test
    void fallsBackToTheProcedureAcrossAgenciesAndSaysWhenNothingIsComparable() {
        String other = freshAgency();
        Map<String, Object> elsewhere = runningDossier(other, procedure, "Field " + procedure);
        assertThat(forecastOf(elsewhere).get("basis").toString()).contains("level=PROCEDURE,");
        Map<String, Object> unknown = runningDossier(other, "F.none." + other, "No such field " + other);
        assertThat(forecastOf(unknown))
                .containsEntry("available", false)
                .containsEntry("reason", "NO_HISTORY")
                .doesNotContainKey("expectedReadyAt");
    }

    @Test
    void leavesFinishedDossiersWithoutAForecast() {
        Map<String, Object> finished = runningDossier(agency, procedure, "Field " + procedure);
        applied(system, (String) finished.get("code"), event("done-" + finished.get("code"), 9, Instant.now()));
        assertThat(owner().get()
                        .uri("/api/v1/me/dossiers/{code}", finished.get("code"))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody())
                .doesNotContainKey("forecast");
    }

    @Test
    void listsDossiersLikelyToBeLateForTheCenterOnly() {
        Map<String, Object> running = runningDossier(agency, procedure, "Field " + procedure);
        WebTestClient staff = as(TestIdentityTokens.ops("forecast-staff"));
        String page = staff.get()
                .uri("/api/v1/ops/dossiers/at-risk?timing=LIKELY_LATE&agency={agency}", agency)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains((String) running.get("code"), "\"expectedReadyAt\"", "\"likelyLateHours\"");
        staff.get()
                .uri("/api/v1/ops/dossiers/at-risk?timing=LIKELY")
                .exchange()
                .expectStatus()
                .isBadRequest();
        owner().get()
                .uri("/api/v1/ops/dossiers/at-risk?timing=LIKELY_LATE")
                .exchange()
                .expectStatus()
                .isForbidden();
        system.get().uri("/api/v1/me/dossiers").exchange().expectStatus().isForbidden();
        owner().get()
                .uri("/api/v1/me/dossiers?page=-1")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private boolean loaded() {
        return index.forecaster()
                .flatMap(forecaster ->
                        forecaster.table().find(ForecastLevel.PROCEDURE_AT_AGENCY, procedure + "@" + agency))
                .filter(distribution -> distribution.count() == 35)
                .isPresent();
    }

    /** Received a minute ago, due in an hour: every comparable dossier took days. */
    private Map<String, Object> runningDossier(String agencyCode, String procedureCode, String field) {
        return filed(
                system,
                withProcedure(
                        dossier(agencyCode, CITIZEN, Instant.now().minusSeconds(60), Duration.ofHours(1)),
                        procedureCode,
                        field));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> forecastOf(Map<String, Object> dossier) {
        return (Map<String, Object>) owner().get()
                .uri("/api/v1/me/dossiers/{code}", dossier.get("code"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody()
                .get("forecast");
    }

    private WebTestClient owner() {
        return as(TestIdentityTokens.citizen(CITIZEN));
    }

    private static Map<String, Object> withProcedure(Map<String, Object> dossier, String procedure, String field) {
        dossier.put("procedureCode", procedure);
        dossier.put("field", field);
        return dossier;
    }
}
