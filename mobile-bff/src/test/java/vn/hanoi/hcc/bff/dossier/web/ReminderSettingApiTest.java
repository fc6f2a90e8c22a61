package vn.hanoi.hcc.bff.dossier.web;

import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** {@code PUT /api/v1/me/dossiers/{code}/reminders}, and the dossier views that say whether reminders are on. */
class ReminderSettingApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    private String citizen;
    private String code;
    private String other;

    @BeforeEach
    void fresh() {
        citizen = "0014" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        WebTestClient system = as(TestIdentityTokens.system("city-reminder-setting-tests"));
        code = (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, RECEIVED, Duration.ofDays(5)))
                .get("code");
        other = (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, RECEIVED, Duration.ofDays(5)))
                .get("code");
    }

    @Test
    void theOwnerTurnsRemindersOffAndOnAgainAndTheirViewsSaySo() {
        remindersOn(true);

        put(me(), code, "{\"enabled\":false}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.enabled")
                .isEqualTo(false);
        put(me(), code, "{\"enabled\":false}").expectStatus().isOk();
        remindersOn(false);
        me().get()
                .uri("/api/v1/me/dossiers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == '%s')].remindersEnabled".formatted(code))
                .isEqualTo(List.of(false))
                .jsonPath("$.items[?(@.code == '%s')].remindersEnabled".formatted(other))
                .isEqualTo(List.of(true));

        put(me(), code, "{\"enabled\":true}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(true);
        remindersOn(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"enabled\":null}", "{\"enabled\":\"maybe\"}", "{\"enabled\":[]}", "nope", ""})
    void refusesABodyThatDoesNotSayOnOrOff(String body) {
        put(me(), code, body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        remindersOn(true);
    }

    @Test
    void anotherCitizenAndAnUnknownCodeGetTheSame404() {
        WebTestClient stranger = as(TestIdentityTokens.citizen("001099999999"));

        put(stranger, code, "{\"enabled\":false}")
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(me(), "H26.99-000101-9999", "{\"enabled\":false}").expectStatus().isNotFound();
        remindersOn(true);
    }

    @Test
    void noTokenIsA401AndOpsAreNotTheOwner() {
        put(web, code, "{\"enabled\":false}").expectStatus().isUnauthorized();
        put(aroundTheGateway(), code, "{\"enabled\":false}").expectStatus().isUnauthorized();
        put(as(TestIdentityTokens.ops("ops-1")), code, "{\"enabled\":false}")
                .expectStatus()
                .isNotFound();
        put(as(TestIdentityTokens.system("city-reminder-setting-tests")), code, "{\"enabled\":false}")
                .expectStatus()
                .isForbidden();
        remindersOn(true);
    }

    private WebTestClient me() {
        return as(TestIdentityTokens.citizen(citizen));
    }

    private static WebTestClient.ResponseSpec put(WebTestClient client, String dossierCode, String body) {
        return client.put()
                .uri("/api/v1/me/dossiers/{code}/reminders", dossierCode)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private void remindersOn(boolean enabled) {
        me().get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.remindersEnabled")
                .isEqualTo(enabled);
    }
}
