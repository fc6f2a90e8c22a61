package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies;

/**
 * Both applications for real: the BFF's jar in its own process on PostgreSQL and Redis, this
 * gateway in front of it with the same secrets, and the API called through the gateway as a
 * client would: public points, the Center making and revoking an agent's key, and the BFF going
 * down. The BFF's process has the environment of a Kubernetes Pod.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndIT extends GatewayTest {

    private static BffProcess bff;
    private static String agentKey;
    private static String agentKeyId;
    private static String filedCode;

    @BeforeAll
    static void startBff() throws Exception {
        // the push dispatcher runs, as in production, with the logging sender (no Firebase credentials);
        // the process has a Pod's environment, so Boot detects Kubernetes as it would in the cluster
        Map<String, String> environment =
                new java.util.HashMap<>(TestInfrastructure.shared().environment());
        environment.put("HCC_PUSH_ENABLED", "true");
        environment.putAll(KubernetesEnvironment.VARIABLES);
        bff = BffProcess.start(environment, Path.of("target", "e2e", "bff.log"));
    }

    @AfterAll
    static void stopBff() throws InterruptedException {
        if (bff != null) {
            bff.close();
        }
    }

    @DynamicPropertySource
    static void bffUri(DynamicPropertyRegistry registry) {
        registry.add("HCC_BFF_URI", () -> bff.uri());
    }

    @Test
    @Order(1)
    void listsThe126WardPoints() {
        Map<String, Object> body = get("/api/v1/points?type=WARD_POINT");

        assertThat(body.get("count")).isEqualTo(126);
        assertThat((List<?>) body.get("points")).hasSize(126);
    }

    @Test
    @Order(2)
    void findsHoanKiemWithoutDiacritics() {
        Map<String, Object> body = web.get()
                .uri(builder -> builder.path("/api/v1/points")
                        .queryParam("q", "hoan kiem")
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) body.get("points");
        assertThat(points)
                .extracting(point -> point.get("name"))
                .contains("Điểm Phục vụ hành chính công phường Hoàn Kiếm");
    }

    @Test
    @Order(2)
    void findsTheNearestPointsAndDrawsTheCoverageMap() {
        Map<String, Object> nearest = get("/api/v1/points/nearest?lat=21.0285&lon=105.8542&mode=walk&limit=3");
        assertThat(nearest.get("withinTarget")).isEqualTo(true);
        assertThat((List<?>) nearest.get("points")).hasSize(3);

        byte[] map = web.get()
                .uri("/api/v1/coverage/map.svg")
                .header("Accept-Encoding", "identity")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("image/svg+xml")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(new String(map, StandardCharsets.UTF_8)).startsWith("<?xml").contains("</svg>");

        web.post()
                .uri("/api/v1/coverage/what-if")
                .headers(h -> h.setBearerAuth(idp.token("planner-e2e", "ops")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"remove\": [\"HQ\"]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.gain.activePoints")
                .isEqualTo(-1);
    }

    @Test
    @Order(3)
    void answersAnUnknownPointWith404ProblemLoggedUnderItsRequestIdByBothServices(CapturedOutput gatewayLog) {
        web.get()
                .uri("/api/v1/points/nope")
                .header("X-Request-Id", "e2e-nope-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("X-Request-Id", "e2e-nope-1")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.requestId")
                .isEqualTo("e2e-nope-1");

        assertThat(gatewayLog.getOut()).contains("\"requestId\":\"e2e-nope-1\"");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(bff.log()).contains("\"requestId\":\"e2e-nope-1\""));
    }

    @Test
    @Order(4)
    void neverRoutesActuatorAndTheBffRefusesCallsAroundTheGateway() {
        web.get()
                .uri("/actuator/env")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        ReadWholeBodies.of(WebTestClient.bindToServer().baseUrl(bff.uri()).build())
                .get()
                .uri("/api/v1/points")
                .header("X-Hcc-Identity", "forged")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(4)
    void theBffReadsNoForwardingHeaderOnKubernetesEither() {
        // read as the context path, the prefix would make this /api/v1/ops/nowhere
        WebTestClient.bindToServer()
                .baseUrl(bff.uri())
                .build()
                .get()
                .uri("/nowhere")
                .header("X-Forwarded-Prefix", "/api/v1/ops")
                .header("X-Forwarded-Host", "evil.example")
                .exchange()
                // refused without the gateway's identity, and named as the path it really was
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.instance")
                .isEqualTo("/nowhere");
    }

    @Test
    @Order(5)
    void letsCenterStaffMakeAnAgentKeyThatFilesAndFollowsDossiers() {
        String staff = idp.token("staff-e2e", "ops");
        web.get()
                .uri("/api/v1/ops/api-keys")
                .headers(h -> h.setBearerAuth(idp.token("001099012345", "citizen")))
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> created = web.post()
                .uri("/api/v1/ops/api-keys")
                .headers(h -> h.setBearerAuth(staff))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "clientId",
                        "e2e-agent",
                        "kind",
                        "agent",
                        "scopes",
                        List.of("dossiers:read", "dossiers:write"),
                        "rateTier",
                        "partner",
                        "label",
                        "end-to-end",
                        "agencies",
                        List.of("H26.99")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        agentKey = (String) created.get("apiKey");
        agentKeyId = (String) created.get("id");
        Instant received = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> dossier = Map.ofEntries(
                Map.entry("agencyCode", "H26.99"),
                Map.entry("procedureCode", "1.000893"),
                Map.entry("procedureName", "Đăng ký khai sinh"),
                Map.entry("field", "Hộ tịch"),
                Map.entry("applicantCitizenId", "001099012345"),
                Map.entry("applicantName", "Lê Thị Hoa"),
                Map.entry("receivingPointId", "W00070"),
                Map.entry("receivedAt", received.toString()),
                Map.entry("dueAt", received.plus(Duration.ofDays(1)).toString()),
                Map.entry("channel", "agent"),
                Map.entry("resultDelivery", "electronic"));

        Map<String, Object> filed = fileAsAgent(dossier)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        filedCode = (String) filed.get("code");
        fileAsAgent(dossier)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(filed.get("code"));

        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", agentKey)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("RateLimit-Limit")
                .expectBody()
                .jsonPath("$.items[0].code")
                .isEqualTo(filed.get("code"))
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        web.post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", filed.get("code"), "secret", filed.get("lookupSecret")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.applicantName")
                .isEqualTo("Lê*** T** H**");
        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", agentKey + "x")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        Map<String, Object> elsewhere = new java.util.HashMap<>(dossier);
        elsewhere.put("agencyCode", "H26.14");
        web.post()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", agentKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(elsewhere)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("agencyCode");
    }

    private WebTestClient.ResponseSpec fileAsAgent(Map<String, Object> dossier) {
        return web.post()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", agentKey)
                .header("Idempotency-Key", "e2e-filing-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(dossier)
                .exchange();
    }

    @Test
    @Order(6)
    void tellsEveryPhoneOfTheOwnerOnceWhenTheResultIsReady(CapturedOutput gatewayLog) throws Exception {
        String citizen = idp.token("001099012345", "citizen");
        List<String> tokens = List.of("e2e-phone-" + System.nanoTime(), "e2e-tablet-" + System.nanoTime());
        for (String token : tokens) {
            web.post()
                    .uri("/api/v1/me/devices")
                    .headers(h -> h.setBearerAuth(citizen))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("token", token, "platform", "android", "locale", "vi"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        Instant at = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String readyRequest = "e2e-ready-" + System.nanoTime();
        for (Map<String, Object> event : List.of(
                Map.<String, Object>of("eventId", "e2e-4", "status", 4, "occurredAt", at.toString()),
                Map.<String, Object>of(
                        "eventId",
                        "e2e-9",
                        "status",
                        9,
                        "occurredAt",
                        at.plusSeconds(60).toString()))) {
            web.post()
                    .uri("/api/v1/agent/dossiers/{code}/events", filedCode)
                    .header("X-Api-Key", agentKey)
                    .header("X-Request-Id", event.get("status").equals(9) ? readyRequest : "e2e-4-" + System.nanoTime())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(event)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        String staff = idp.token("staff-e2e-push", "ops");
        // polled gently: the test profile gives a person 5 requests and one more every 5 s
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofSeconds(1))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<Map<String, Object>> pushes = web.get()
                            .uri("/api/v1/ops/push-messages?dossierCode={code}", filedCode)
                            .headers(h -> h.setBearerAuth(staff))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() {})
                            .returnResult()
                            .getResponseBody();
                    assertThat(pushes)
                            .extracting(push -> push.get("tokenEnding"))
                            .containsExactlyInAnyOrderElementsOf(tokens.stream()
                                    .map(token -> token.substring(token.length() - 6))
                                    .toList());
                    assertThat(pushes)
                            .allSatisfy(push -> assertThat(push)
                                    .containsEntry("state", "sent")
                                    .containsEntry("attempts", 1)
                                    .containsEntry("event", "RESULT_READY"));
                });
        web.get()
                .uri("/api/v1/me/notifications")
                .headers(h -> h.setBearerAuth(citizen))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.dossierCode == '" + filedCode + "')].event")
                .isEqualTo(List.of("RESULT_READY"));
        theReadyResultsTraceRunsFromTheGatewayToThePushes(gatewayLog, readyRequest);
    }

    /**
     * One trace id from the gateway's access log line of the status change, through every log line
     * the BFF wrote for it, to the push messages it queued (whose dispatch span links to it: the BFF's
     * PushDispatcherTest reads the spans).
     */
    private void theReadyResultsTraceRunsFromTheGatewayToThePushes(CapturedOutput gatewayLog, String requestId)
            throws Exception {
        String access = gatewayLog
                .getOut()
                .lines()
                .filter(line -> line.contains("gateway.access") && line.contains("\"requestId\":\"" + requestId + "\""))
                .findFirst()
                .orElseThrow();
        Matcher traced =
                Pattern.compile("\"trace\":\\{\"id\":\"([0-9a-f]{32})\"").matcher(access);
        assertThat(traced.find()).as("a trace id in " + access).isTrue();
        String traceId = traced.group(1);
        assertThat(bff.log().lines().filter(line -> line.contains("\"requestId\":\"" + requestId + "\"")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"trace\":{\"id\":\"" + traceId + "\""));
        PostgresAddress database = TestInfrastructure.shared().database();
        try (Connection db = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                PreparedStatement query = db.prepareStatement("""
                        SELECT m.trace_parent FROM push_message m JOIN notification n ON n.id = m.notification_id
                        WHERE n.dossier_code = ? AND n.event = 'RESULT_READY'""")) {
            query.setString(1, filedCode);
            List<String> traceParents = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    traceParents.add(rows.getString(1));
                }
            }
            assertThat(traceParents)
                    .hasSize(2)
                    .allSatisfy(traceParent -> assertThat(traceParent).startsWith("00-" + traceId + "-"));
        }
    }

    @Test
    @Order(7)
    void stopsARevokedKeyWithinTenSeconds() {
        web.delete()
                .uri("/api/v1/ops/api-keys/" + agentKeyId)
                .headers(h -> h.setBearerAuth(idp.token("staff-e2e", "ops")))
                .exchange()
                .expectStatus()
                .isNoContent();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/agent/dossiers")
                        .header("X-Api-Key", agentKey)
                        .exchange()
                        .expectStatus()
                        .isUnauthorized());
    }

    @Test
    @Order(8)
    void answers503ProblemOnceTheBffIsStopped() throws InterruptedException {
        bff.close();

        web.get()
                .uri("/api/v1/points?type=WARD_POINT")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable");
    }

    private Map<String, Object> get(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
