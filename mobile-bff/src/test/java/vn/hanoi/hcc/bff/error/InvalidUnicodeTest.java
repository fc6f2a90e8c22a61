package vn.hanoi.hcc.bff.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.dossier.web.DossierFixtures;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * Text that is not Unicode is refused in every text field of every body, and nothing is written:
 * an unpaired surrogate sent as a JSON escape (stored as {@code ?} before), and bytes that are not
 * UTF-8 (an overlong {@code C0 AF} was decoded to {@code /}, and an event stored under that id).
 */
class InvalidUnicodeTest extends BffIntegrationTest {

    private static final String MARK = "@@MARK@@";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    /** Unpaired surrogates, as JSON escapes (plain ASCII on the wire). */
    private static final List<String> ESCAPES = List.of("\\uD800", "a\\uDC00b", "\\uDBFF");
    /** Byte sequences that are not UTF-8. */
    private static final List<byte[]> NOT_UTF8 = List.of(
            bytes(0xC0, 0xAF),
            bytes(0xE0, 0x80, 0xAF),
            bytes(0xF0, 0x80, 0x80, 0xAF),
            bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0x80),
            bytes(0xC3),
            bytes(0xFF));

    @Autowired
    DatabaseClient db;

    @Test
    void refusesUnpairedSurrogatesAndMalformedUtf8InEveryTextFieldAndWritesNothing() {
        String agency = DossierFixtures.freshAgency();
        String code = (String) DossierFixtures.filed(
                        as(TestIdentityTokens.system("city-unicode")),
                        DossierFixtures.dossier(agency, "001099054321", RECEIVED, Duration.ofDays(5)))
                .get("code");
        long before = rows();

        Map<String, Object> dossier = DossierFixtures.dossier(agency, "001099054321", RECEIVED, Duration.ofDays(5));
        refusedEverywhere(
                HttpMethod.POST, "/api/v1/agent/dossiers", "system", with(dossier, "procedureName"), "procedureName");
        refusedEverywhere(
                HttpMethod.POST,
                "/api/v1/agent/dossiers/" + code + "/events",
                "system",
                with(DossierFixtures.event("unicode-1", 4, RECEIVED.plusSeconds(60)), "note"),
                "note");
        refusedEverywhere(
                HttpMethod.POST,
                "/api/v1/agent/dossiers/" + code + "/events",
                "system",
                with(DossierFixtures.event("unicode-2", 4, RECEIVED.plusSeconds(60)), "agency"),
                "agency");
        Map<String, Object> batchEvent = DossierFixtures.event("unicode-3", 4, RECEIVED.plusSeconds(60));
        batchEvent.put("code", code);
        batchEvent.put("note", MARK);
        refusedInTheBatch(Map.of("events", List.of(batchEvent)));
        refusedEverywhere(HttpMethod.PUT, "/api/v1/ops/points/SP-UNICODE-1", "ops", with(point(), "name"), "name");
        refusedEverywhere(
                HttpMethod.PUT, "/api/v1/ops/points/SP-UNICODE-1", "ops", with(point(), "address"), "address");
        refusedEverywhere(HttpMethod.PUT, "/api/v1/ops/holidays/2099-03-03", "ops", Map.of("name", MARK), "name");
        refusedEverywhere(
                HttpMethod.POST,
                "/api/v1/ops/api-keys",
                "ops",
                Map.of(
                        "clientId",
                        "agent-unicode",
                        "kind",
                        "agent",
                        "scopes",
                        List.of("dossiers:read"),
                        "rateTier",
                        "standard",
                        "label",
                        MARK,
                        "agencies",
                        List.of("H26.99")),
                "label");

        assertThat(rows()).isEqualTo(before);
    }

    /**
     * Every unpaired surrogate escape (a 400 naming the field) and every malformed byte sequence (a
     * 400 for the body) put where the body has the mark.
     */
    private void refusedEverywhere(
            HttpMethod method, String uri, String caller, Map<String, Object> body, String field) {
        byte[] json = JSON.writeValueAsBytes(body);
        for (String escape : ESCAPES) {
            refused(method, uri, caller, replaceMark(json, escape.getBytes(StandardCharsets.US_ASCII)))
                    .jsonPath("$.errors[0].name")
                    .isEqualTo(field);
        }
        for (byte[] malformed : NOT_UTF8) {
            refused(method, uri, caller, replaceMark(json, malformed))
                    .jsonPath("$.errors[0].name")
                    .isEqualTo("body");
        }
    }

    /** A batch refuses an invalid event alone, in its result; a body that is not UTF-8 is refused whole. */
    private void refusedInTheBatch(Map<String, Object> body) {
        byte[] json = JSON.writeValueAsBytes(body);
        for (String escape : ESCAPES) {
            as(TestIdentityTokens.system("city-unicode"))
                    .post()
                    .uri("/api/v1/agent/events:batch")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(replaceMark(json, escape.getBytes(StandardCharsets.US_ASCII)))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.applied")
                    .isEqualTo(0)
                    .jsonPath("$.results[0].result")
                    .isEqualTo("refused")
                    .jsonPath("$.results[0].problem.errors[0].name")
                    .isEqualTo("note");
        }
        for (byte[] malformed : NOT_UTF8) {
            refused(HttpMethod.POST, "/api/v1/agent/events:batch", "system", replaceMark(json, malformed))
                    .jsonPath("$.errors[0].name")
                    .isEqualTo("body");
        }
    }

    private WebTestClient.BodyContentSpec refused(HttpMethod method, String uri, String caller, byte[] body) {
        String token = "ops".equals(caller)
                ? TestIdentityTokens.ops("staff-unicode")
                : TestIdentityTokens.system("city-unicode");
        return as(token)
                .method(method)
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request");
    }

    private long rows() {
        return db.sql("""
                SELECT (SELECT count(*) FROM dossier) + (SELECT count(*) FROM dossier_event)
                     + (SELECT count(*) FROM service_point) + (SELECT count(*) FROM public_holiday)
                     + (SELECT count(*) FROM api_key) AS n""").map(row -> row.get("n", Long.class)).one().block();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field) {
        Map<String, Object> marked = new HashMap<>(body);
        marked.put(field, MARK);
        return marked;
    }

    private static Map<String, Object> point() {
        return Map.of(
                "type",
                "COMMUNITY",
                "name",
                "Điểm thử",
                "address",
                "Thôn Thử",
                "wardCode",
                "00070",
                "lat",
                21.33,
                "lon",
                105.77,
                "coordinateQuality",
                "surveyed",
                "openingHours",
                List.of(Map.of("day", "MONDAY", "opens", "07:30", "closes", "11:30")),
                "active",
                true);
    }

    private static byte[] replaceMark(byte[] json, byte[] replacement) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + MARK.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
