package vn.hanoi.hcc.bff.point.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.point.NetworkDatabase;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** The Center's edits of points and holidays, and their effect on the searches at once. */
class PointOpsApiTest extends BffIntegrationTest {

    private static final String SOC_SON = "lat=21.3300&lon=105.7700";

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        NetworkDatabase.register(registry);
    }

    @Test
    void aNewPointIsFoundByTheNearestSearchAtOnce() {
        put("/api/v1/ops/points/SP-SOCSON-1", point("COMMUNITY", "21.3301", "105.7701", true))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("SP-SOCSON-1")
                .jsonPath("$.wardName")
                .isNotEmpty()
                .jsonPath("$.branchGroup")
                .isNotEmpty()
                .jsonPath("$.openingHours.weekly[0].opens")
                .isEqualTo("07:30");

        assertThat(firstNearest(SOC_SON)).isEqualTo("SP-SOCSON-1");
    }

    @Test
    void aPointOnTheMappedRoadsIsTimedOnThemWithTheDataCredited() {
        // inside the OpenStreetMap extract of central Hanoi the test profile routes on, 170 m from the
        // origin (the nearest seeded point is 900 m away, outside it)
        put("/api/v1/ops/points/SP-VANMIEU-1", point("COMMUNITY", "21.0270", "105.8345", true))
                .expectStatus()
                .isCreated();

        web.get()
                .uri("/api/v1/points/nearest?lat=21.0265&lon=105.8330&limit=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.points[0].id")
                .isEqualTo("SP-VANMIEU-1")
                .jsonPath("$.points[0].estimate")
                .isEqualTo("road")
                // the other point lies beyond the extract: the heuristic times it, and says so
                .jsonPath("$.points[1].estimate")
                .isEqualTo("heuristic")
                .jsonPath("$.attribution")
                .value(attribution -> assertThat((String) attribution).contains("OpenStreetMap contributors", "ODbL"));
        // far from the extract nothing is timed on the roads, and nothing is credited
        web.get()
                .uri("/api/v1/points/nearest?" + SOC_SON + "&limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.points[0].estimate")
                .isEqualTo("heuristic")
                .jsonPath("$.attribution")
                .doesNotExist();
        // the coverage times the samples on the extract's roads towards it
        web.get()
                .uri("/api/v1/coverage")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.samplesOnRoads")
                .value(samples -> assertThat(((Number) samples).intValue()).isPositive())
                .jsonPath("$.attribution")
                .exists();

        put("/api/v1/ops/points/SP-VANMIEU-1", point("COMMUNITY", "21.0270", "105.8345", false))
                .expectStatus()
                .isOk();
    }

    @Test
    void closingAPointTakesItOutOfSearchesButKeepsItsPage() {
        put("/api/v1/ops/points/SP-SOCSON-2", point("COMMUNITY", "21.3302", "105.7702", true))
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult();
        put("/api/v1/ops/points/SP-SOCSON-2", point("COMMUNITY", "21.3302", "105.7702", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);

        assertThat(firstNearest(SOC_SON)).isNotEqualTo("SP-SOCSON-2");
        web.get()
                .uri("/api/v1/points/SP-SOCSON-2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown ward        | wardCode",
                "bad ward code       | wardCode",
                "latitude 91         | lat",
                "no name             | name",
                "unknown type        | type",
                "unknown quality     | coordinateQuality",
                "closes before opens | openingHours[0]",
                "overlap             | openingHours[1]",
                "not a time          | openingHours[0].opens",
                "control character   | name",
                "bad id              | id"
            })
    void refusesABadPointAndWritesNothing(String defect, String field) {
        String id = "bad id".equals(defect) ? "BAD ID" : "SP-BAD";
        String body = point("WARD_POINT", "21.03", "105.85", true);
        body = switch (defect) {
            case "unknown ward" -> body.replace("\"00070\"", "\"99999\"");
            case "bad ward code" -> body.replace("\"00070\"", "\"70\"");
            case "latitude 91" -> body.replace("21.03", "91");
            case "no name" -> body.replace("\"Điểm thử nghiệm\"", "\"  \"");
            case "unknown type" -> body.replace("\"WARD_POINT\"", "\"KIOSK\"");
            case "unknown quality" -> body.replace("\"surveyed\"", "\"guessed\"");
            case "closes before opens" -> body.replace("\"11:30\"", "\"06:00\"");
            case "overlap" -> body.replace("\"13:30\"", "\"11:00\"");
            case "not a time" -> body.replace("\"07:30\"", "\"7h30\"");
            case "control character" -> body.replace("Điểm thử nghiệm", "Điểm\\u0000thử");
            default -> body;
        };
        put("/api/v1/ops/points/" + id.replace(" ", "%20"), body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);

        web.get()
                .uri("/api/v1/points/" + id.replace(" ", "%20"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult();
    }

    @Test
    void refusesMalformedJson() {
        put("/api/v1/ops/points/SP-BAD", "{\"type\": ")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
    }

    @Test
    void onlyCenterStaffEditTheNetwork() {
        String body = point("WARD_POINT", "21.03", "105.85", true);
        as(TestIdentityTokens.citizen("001099012345"))
                .put()
                .uri("/api/v1/ops/points/SP-X")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .returnResult();
        as(TestIdentityTokens.agent("agent-1", List.of("dossiers:write")))
                .put()
                .uri("/api/v1/ops/holidays/2026-12-24")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .returnResult();
        web.delete()
                .uri("/api/v1/ops/holidays/2027-01-01")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult();
        web.get()
                .uri("/api/v1/points/SP-X")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .returnResult();
        assertThat(holidays(2027)).extracting(holiday -> holiday.get("day")).contains("2027-01-01");
    }

    @Test
    void aRequestThatChangesNothingLeavesTheNetworkVersionAlone() {
        long before = networkVersion();

        ops().delete()
                .uri("/api/v1/ops/holidays/2031-02-03")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(networkVersion()).isEqualTo(before);
        ops().put()
                .uri("/api/v1/ops/holidays/2031-02-03")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ngày thử\"}")
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        assertThat(networkVersion()).isGreaterThan(before);
        ops().delete()
                .uri("/api/v1/ops/holidays/2031-02-03")
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private long networkVersion() {
        return db.sql("SELECT version FROM point_network")
                .map(row -> row.get("version", Long.class))
                .one()
                .block();
    }

    @Test
    void keepsThePublicHolidays() {
        assertThat(holidays(2027))
                .extracting(holiday -> holiday.get("day"))
                .contains("2027-01-01", "2027-04-30", "2027-05-01", "2027-09-02");

        ops().put()
                .uri("/api/v1/ops/holidays/2026-12-24")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Nghỉ thử\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult();
        ops().put()
                .uri("/api/v1/ops/holidays/2026-12-24")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Nghỉ bù\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Nghỉ bù");
        assertThat(holidays(2026)).extracting(holiday -> holiday.get("name")).contains("Nghỉ bù");

        ops().delete()
                .uri("/api/v1/ops/holidays/2026-12-24")
                .exchange()
                .expectStatus()
                .isNoContent();
        ops().delete()
                .uri("/api/v1/ops/holidays/2026-12-24")
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(holidays(2026)).extracting(holiday -> holiday.get("day")).doesNotContain("2026-12-24");
    }

    @ParameterizedTest
    @CsvSource({"2026-13-01", "2026-02-30", "24-12-2026", "1999-12-31", "today"})
    void refusesADateThatIsNotOne(String date) {
        ops().put()
                .uri("/api/v1/ops/holidays/" + date)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("date");
    }

    @Test
    void refusesAHolidayWithoutAName() {
        ops().put()
                .uri("/api/v1/ops/holidays/2026-12-25")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("name");
        assertThat(holidays(2026)).extracting(holiday -> holiday.get("day")).doesNotContain("2026-12-25");
    }

    private WebTestClient ops() {
        return as(TestIdentityTokens.ops("staff-1"));
    }

    private WebTestClient.ResponseSpec put(String uri, String body) {
        return ops().put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String firstNearest(String origin) {
        Map<String, Object> body = web.get()
                .uri("/api/v1/points/nearest?" + origin + "&limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) body.get("points");
        return (String) points.get(0).get("id");
    }

    private List<Map<String, Object>> holidays(int year) {
        return ops().get()
                .uri("/api/v1/ops/holidays?year=" + year)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static String point(String type, String lat, String lon, boolean active) {
        return """
                {"type": "%s", "name": "Điểm thử nghiệm", "address": "Thôn Thử, xã Sóc Sơn",
                 "wardCode": "00070", "lat": %s, "lon": %s, "coordinateQuality": "surveyed",
                 "openingHours": [{"day": "MONDAY", "opens": "07:30", "closes": "11:30"},
                                  {"day": "MONDAY", "opens": "13:30", "closes": "17:00"}],
                 "note": null, "active": %s}""".formatted(type, lat, lon, active);
    }
}
