package vn.hanoi.hcc.bff.dossier.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests of the dossier API, built the way the city system and agents send them. */
public final class DossierFixtures {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final AtomicInteger AGENCIES = new AtomicInteger();
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private DossierFixtures() {}

    /** An agency code no other test uses, so that generated codes never collide across tests. */
    public static String freshAgency() {
        return "T" + (1000 + AGENCIES.incrementAndGet()) + "." + (System.nanoTime() % 90 + 10);
    }

    /** A code the city system could send for a dossier received at this time. */
    public static String systemCode(String agency, Instant receivedAt) {
        return agency + "-"
                + DateTimeFormatter.ofPattern("yyMMdd")
                        .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .format(receivedAt) + "-" + String.format("%04d", NUMBERS.incrementAndGet() % 10_000);
    }

    public static Map<String, Object> dossier(String agency, String citizenId, Instant receivedAt, Duration toDue) {
        Map<String, Object> dossier = new HashMap<>();
        dossier.put("agencyCode", agency);
        dossier.put("procedureCode", "1.001193");
        dossier.put("procedureName", "Đăng ký kết hôn");
        dossier.put("field", "Hộ tịch");
        dossier.put("applicantCitizenId", citizenId);
        dossier.put("applicantName", "Nguyễn Văn An");
        dossier.put("receivingPointId", "W00070");
        dossier.put("receivedAt", receivedAt.toString());
        dossier.put("dueAt", receivedAt.plus(toDue).toString());
        dossier.put("channel", "counter");
        dossier.put("resultDelivery", "counter");
        return dossier;
    }

    public static Map<String, Object> event(String eventId, int status, Instant occurredAt) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId);
        event.put("status", status);
        event.put("occurredAt", occurredAt.toString());
        event.put("agency", "Phòng Tư pháp");
        event.put("note", "Ghi chú nội bộ " + eventId);
        return event;
    }

    public static WebTestClient.ResponseSpec file(WebTestClient client, Map<String, Object> dossier) {
        return client.post()
                .uri("/api/v1/agent/dossiers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(dossier)
                .exchange();
    }

    /** Files and answers {code, lookupSecret, status, dueAt}. */
    public static Map<String, Object> filed(WebTestClient client, Map<String, Object> dossier) {
        return file(client, dossier)
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    public static WebTestClient.ResponseSpec post(WebTestClient client, String code, Map<String, Object> event) {
        return client.post()
                .uri("/api/v1/agent/dossiers/{code}/events", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event)
                .exchange();
    }

    public static Map<String, Object> applied(WebTestClient client, String code, Map<String, Object> event) {
        return post(client, code, event)
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }
}
