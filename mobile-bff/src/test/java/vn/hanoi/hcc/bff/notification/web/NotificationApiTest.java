package vn.hanoi.hcc.bff.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.bff.privacy.PersonalDataHasher;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** Devices, the inbox, and the push messages a status change queues in its own transaction. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    DatabaseClient db;

    @Autowired
    PersonalDataHasher personalData;

    private WebTestClient system;
    private String citizen;

    @BeforeEach
    void fresh() {
        system = as(TestIdentityTokens.system("city-notification-tests"));
        citizen = newCitizen();
    }

    @Test
    void registersADeviceOnceAndMovesItToWhoeverRegistersItNext() {
        String token = newToken();

        register(citizen, token, "android", "vi")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isNotEmpty()
                .jsonPath("$.token")
                .doesNotExist()
                .jsonPath("$.locale")
                .isEqualTo("vi");
        register(citizen, token, "android", "en")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.locale")
                .isEqualTo("en");
        String next = newCitizen();
        String id = idOf(register(next, token, "ios", null).expectStatus().isOk());

        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        me(next).delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        me(next).delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(devices(token)).isZero();
    }

    @Test
    void aPhoneThatChangesHandsOrIsUnregisteredGetsNoWaitingPushOfItsFormerOwner() {
        String shared = newToken();
        String kept = newToken();
        register(citizen, shared, "android", "vi").expectStatus().isCreated();
        String keptId =
                idOf(register(citizen, kept, "android", "vi").expectStatus().isCreated());
        String code = file();
        applied(system, code, event("h-1", 9, RECEIVED.plus(Duration.ofHours(1))));

        String next = newCitizen();
        register(next, shared, "android", "vi").expectStatus().isOk();
        register(next, shared, "android", "en").expectStatus().isOk(); // their own again: nothing else changes
        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", keptId)
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(pushes(code))
                .containsExactlyInAnyOrder(shared + " android vi dropped", kept + " android vi dropped");
        assertThat(inbox(citizen, "")).containsEntry("total", 1);
        assertThat(inbox(next, "")).containsEntry("total", 0);
    }

    @Test
    void refusesAMalformedDeviceNamingTheFieldAndStoresNothing() {
        String token = newToken();
        refused(register(citizen, null, "android", "vi"), "token");
        refused(register(citizen, "too-short", "android", "vi"), "token");
        refused(register(citizen, token + " <script>", "android", "vi"), "token");
        refused(register(citizen, "x".repeat(4097), "android", "vi"), "token");
        refused(register(citizen, token, "blackberry", "vi"), "platform");
        refused(register(citizen, token, null, "vi"), "platform");
        refused(register(citizen, token, "web", "fr"), "locale");
        me(citizen)
                .post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(devices(token)).isZero();
    }

    @Test
    void keepsDevicesAndTheInboxToTheirOwner() {
        String token = newToken();
        WebTestClient agent = as(TestIdentityTokens.agent("agent-notifications", List.of("dossiers:read")));

        agent.post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(device(token, "android", "vi"))
                .exchange()
                .expectStatus()
                .isForbidden();
        system.get().uri("/api/v1/me/notifications").exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/me/notifications").exchange().expectStatus().isUnauthorized();
        web.delete()
                .uri("/api/v1/me/devices/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isUnauthorized();
        aroundTheGateway()
                .get()
                .uri("/api/v1/me/notifications")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        aroundTheGateway()
                .post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(device(token, "android", "vi"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(devices(token)).isZero();
    }

    @Test
    void aReadyResultQueuesOnePushPerDeviceAndLandsInTheInbox() {
        String phone = newToken();
        String tablet = newToken();
        register(citizen, phone, "android", "vi").expectStatus().isCreated();
        register(citizen, tablet, "ios", "en").expectStatus().isCreated();
        String code = file();

        applied(system, code, event("n-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        assertThat(pushes(code)).isEmpty();
        applied(system, code, event("n-2", 9, RECEIVED.plus(Duration.ofHours(2))));
        applied(system, code, event("n-2", 9, RECEIVED.plus(Duration.ofHours(2)))); // a replay: nothing new

        assertThat(pushes(code)).containsExactlyInAnyOrder(phone + " android vi pending", tablet + " ios en pending");
        Map<String, Object> inbox = inbox(citizen, "");
        assertThat(inbox).containsEntry("total", 1).containsEntry("unread", 1);
        Map<String, Object> entry = items(inbox).get(0);
        assertThat(entry)
                .containsEntry("dossierCode", code)
                .containsEntry("event", "RESULT_READY")
                .containsEntry("status", 9)
                .containsEntry("read", false)
                .containsEntry("title", "Hồ sơ đã có kết quả");
        assertThat((String) entry.get("body"))
                .contains(code)
                .doesNotContain("Nguyễn")
                .doesNotContain(citizen);
    }

    @Test
    void asksForActionAndAnnouncesExtensionsButNotOlderEventsOrOtherStatuses() {
        String code = file();

        applied(system, code, event("a-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        applied(system, code, event("a-2", 5, RECEIVED.plus(Duration.ofHours(2))));
        applied(system, code, event("a-3", 4, RECEIVED.plus(Duration.ofHours(3))));
        applied(system, code, event("a-old", 6, RECEIVED.plus(Duration.ofMinutes(30)))); // older: timeline only
        Map<String, Object> extension = new HashMap<>();
        extension.put("eventId", "a-4");
        extension.put("occurredAt", RECEIVED.plus(Duration.ofHours(4)).toString());
        extension.put("dueAt", RECEIVED.plus(Duration.ofDays(10)).toString());
        extension.put("reason", "Cần xác minh thêm");
        applied(system, code, extension);
        post(system, code, event("a-5", 1, RECEIVED.plus(Duration.ofHours(5))))
                .expectStatus()
                .isEqualTo(409);

        Map<String, Object> inbox = inbox(citizen, "");
        assertThat(items(inbox)).extracting(item -> item.get("event")).containsExactly("DUE_EXTENDED", "ACTION_NEEDED");
        assertThat(items(inbox).get(1))
                .containsEntry("title", "Hồ sơ cần bổ sung")
                .containsEntry("status", 5);
    }

    @Test
    void pagesTheInboxNewestFirstAndMarksNotificationsRead() {
        String first = file();
        String second = file();
        applied(system, first, event("p-1", 9, RECEIVED.plus(Duration.ofHours(1))));
        applied(system, second, event("p-2", 9, RECEIVED.plus(Duration.ofHours(1))));

        Map<String, Object> page = inbox(citizen, "?size=1");
        assertThat(page).containsEntry("total", 2).containsEntry("hasMore", true);
        assertThat(items(page).get(0)).containsEntry("dossierCode", second);
        long newest = ((Number) items(page).get(0).get("id")).longValue();
        me(citizen)
                .post()
                .uri("/api/v1/me/notifications/{id}/read", newest)
                .exchange()
                .expectStatus()
                .isNoContent();
        me(citizen)
                .post()
                .uri("/api/v1/me/notifications/{id}/read", newest)
                .exchange()
                .expectStatus()
                .isNoContent();
        Map<String, Object> unread = inbox(citizen, "?unread=true");
        assertThat(unread).containsEntry("total", 1).containsEntry("unread", 1);
        assertThat(items(unread).get(0)).containsEntry("dossierCode", first);

        Map<String, Object> english = me(citizen)
                .get()
                .uri("/api/v1/me/notifications")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Language", "en")
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(items(english).get(1))
                .containsEntry("title", "Your result is ready")
                .containsEntry("read", false);

        me(newCitizen())
                .post()
                .uri("/api/v1/me/notifications/{id}/read", newest)
                .exchange()
                .expectStatus()
                .isNotFound();
        me(citizen)
                .post()
                .uri("/api/v1/me/notifications/read-all")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.marked")
                .isEqualTo(1);
        assertThat(inbox(citizen, "")).containsEntry("unread", 0);
    }

    @Test
    void refusesMalformedInboxRequests() {
        me(citizen)
                .get()
                .uri("/api/v1/me/notifications?size=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("size");
        me(citizen)
                .get()
                .uri("/api/v1/me/notifications?page=x")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("page");
        me(citizen)
                .get()
                .uri("/api/v1/me/notifications?unread=maybe")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("unread");
        me(citizen)
                .post()
                .uri("/api/v1/me/notifications/abc/read")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("id");
    }

    @Test
    void unregistersByTheIdTheRegistrationAnsweredAndRefusesATokenInThePath() {
        String token = newToken();
        String id =
                idOf(register(citizen, token, "android", "vi").expectStatus().isCreated());
        assertThat(idOf(register(citizen, token, "android", "vi").expectStatus().isOk()))
                .isEqualTo(id);

        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", token)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("id");
        assertThat(devices(token)).isOne();
        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(devices(token)).isZero();
    }

    @Test
    void keepsTheTenNewestDevicesOfACitizenAndDropsThePushesOfTheOneForgotten() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(newToken());
            register(citizen, tokens.get(i), "android", "vi").expectStatus().isCreated();
        }
        String code = file();
        applied(system, code, event("cap-9", 9, RECEIVED.plus(Duration.ofHours(1))));

        register(citizen, tokens.get(0), "android", "vi").expectStatus().isOk(); // the oldest, now the newest
        String eleventh = newToken();
        register(citizen, eleventh, "ios", "en").expectStatus().isCreated();

        assertThat(devicesOf(citizen))
                .hasSize(10)
                .contains(tokens.get(0), eleventh)
                .doesNotContain(tokens.get(1));
        assertThat(pushes(code))
                .contains(tokens.get(1) + " android vi dropped")
                .filteredOn(push -> push.endsWith(" pending"))
                .hasSize(9);
    }

    @Test
    void writesNoTokenToAnyLog(CapturedOutput output) {
        String token = newToken();
        String id =
                idOf(register(citizen, token, "android", "vi").expectStatus().isCreated());
        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", token)
                .exchange()
                .expectStatus()
                .isBadRequest();
        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        me(citizen)
                .delete()
                .uri("/api/v1/me/devices/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(output.getAll()).contains("/api/v1/me/devices/{id}").doesNotContain(token);
    }

    private String file() {
        return (String) filed(system, dossier(DossierFixtures.freshAgency(), citizen, RECEIVED, Duration.ofDays(5)))
                .get("code");
    }

    private WebTestClient me(String citizenId) {
        return as(TestIdentityTokens.citizen(citizenId));
    }

    private WebTestClient.ResponseSpec register(String citizenId, String token, String platform, String locale) {
        return me(citizenId)
                .post()
                .uri("/api/v1/me/devices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(device(token, platform, locale))
                .exchange();
    }

    private static String idOf(WebTestClient.ResponseSpec registered) {
        return (String)
                registered.expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private List<String> devicesOf(String citizenId) {
        return db.sql("SELECT token FROM device WHERE citizen_ref = :citizen")
                .bind("citizen", personalData.citizenRef(citizenId))
                .map(row -> row.get("token", String.class))
                .all()
                .collectList()
                .block();
    }

    private static Map<String, Object> device(String token, String platform, String locale) {
        Map<String, Object> device = new HashMap<>();
        device.put("token", token);
        device.put("platform", platform);
        device.put("locale", locale);
        return device;
    }

    private static void refused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }

    private Map<String, Object> inbox(String citizenId, String query) {
        return me(citizenId)
                .get()
                .uri("/api/v1/me/notifications" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private long devices(String token) {
        return db.sql("SELECT count(*) AS n FROM device WHERE token = :token")
                .bind("token", token)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /** "token platform locale state" of every push queued for the dossier. */
    private List<String> pushes(String code) {
        return db.sql("""
                SELECT m.device_token || ' ' || m.platform || ' ' || m.locale || ' ' || m.state AS line
                FROM push_message m JOIN notification n ON n.id = m.notification_id WHERE n.dossier_code = :code""")
                .bind("code", code)
                .map(row -> row.get("line", String.class))
                .all()
                .collectList()
                .block();
    }

    private static String newCitizen() {
        return "0012" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String newToken() {
        return "fcm_" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ":APA91b"
                + Long.toHexString(System.nanoTime());
    }
}
