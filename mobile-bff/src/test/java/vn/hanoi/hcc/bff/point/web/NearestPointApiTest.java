package vn.hanoi.hcc.bff.point.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import vn.hanoi.hcc.bff.BffIntegrationTest;

/** The contract of GET /api/v1/points/nearest and GET /api/v1/points/fields. */
class NearestPointApiTest extends BffIntegrationTest {

    private static final String HOAN_KIEM_LAKE = "lat=21.0285&lon=105.8542";

    @Test
    void ranksTheNearestPointsByTravelTimeWithEveryContractField() {
        Map<String, Object> body = nearest(HOAN_KIEM_LAKE);

        assertThat(body).containsOnlyKeys("origin", "mode", "target", "withinTarget", "points");
        assertThat(body.get("origin")).isEqualTo(Map.of("lat", 21.0285, "lon", 105.8542));
        assertThat(body.get("mode")).isEqualTo("motorbike");
        assertThat(body.get("target")).isEqualTo(Map.of("maxDistanceKm", 5.0, "maxTravelMinutes", 30.0));
        assertThat(body.get("withinTarget")).isEqualTo(true);
        List<Map<String, Object>> points = points(body);
        assertThat(points).hasSize(5);
        assertThat(points.get(0)).containsOnlyKeys(PointKeys.NEARBY);
        // the former Hoàn Kiếm district's reception proxy stands at the lake
        assertThat(points.get(0).get("id")).isEqualTo("D002");
        assertThat((Double) points.get(0).get("distanceKm")).isLessThan(0.1);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.get("estimate")).isEqualTo("heuristic");
            assertThat(point.get("withinTarget")).isEqualTo(true);
        });
        assertThat(points)
                .extracting(point -> ((Number) point.get("travelMinutes")).doubleValue())
                .isSorted();
    }

    @Test
    void walkingTakesLongerThanRidingAndTheLimitIsHonoured() {
        List<Map<String, Object>> walking = points(nearest(HOAN_KIEM_LAKE + "&mode=walk&limit=20"));
        List<Map<String, Object>> riding = points(nearest(HOAN_KIEM_LAKE + "&mode=MOTORBIKE&limit=20"));

        assertThat(walking).hasSize(20);
        assertThat(walking)
                .extracting(point -> point.get("id"))
                .containsExactlyElementsOf(
                        riding.stream().map(point -> point.get("id")).toList());
        Map<String, Object> farthestOnFoot = walking.get(19);
        assertThat((Double) farthestOnFoot.get("travelMinutes"))
                .isGreaterThan((Double) riding.get(19).get("travelMinutes"));
    }

    @Test
    void sayFromFarAwayThatNoPointIsWithinTarget() {
        Map<String, Object> body = nearest("lat=10.7769&lon=106.7009&limit=1");

        assertThat(body.get("withinTarget")).isEqualTo(false);
        assertThat(points(body)).singleElement().satisfies(point -> {
            assertThat((Double) point.get("distanceKm")).isGreaterThan(1000);
            assertThat(point.get("withinTarget")).isEqualTo(false);
        });
    }

    @Test
    void offersOnlyPointsReceivingTheFieldAskedFor() {
        List<Map<String, Object>> cityLevel = points(nearest(HOAN_KIEM_LAKE + "&field=ly-lich-tu-phap&limit=20"));
        List<Map<String, Object>> wardLevel = points(nearest(HOAN_KIEM_LAKE + "&field=ho-tich&limit=20"));

        assertThat(cityLevel).hasSize(20).extracting(point -> point.get("type")).doesNotContain("WARD_POINT");
        assertThat(wardLevel).hasSize(20).extracting(point -> point.get("type")).containsOnly("WARD_POINT");
    }

    @Test
    void openNowKeepsOnlyOpenPoints() {
        List<Map<String, Object>> open = points(nearest(HOAN_KIEM_LAKE + "&openNow=true&limit=20"));

        assertThat(open).allSatisfy(point -> assertThat(point.get("openNow")).isEqualTo(true));
    }

    @Test
    void listsTheProcedureFieldsInTheCallersLanguage() {
        List<Map<String, Object>> vietnamese = fields("vi");
        List<Map<String, Object>> english = fields("en");

        assertThat(vietnamese).extracting(field -> field.get("code")).contains("ho-tich", "ly-lich-tu-phap", "dat-dai");
        assertThat(vietnamese)
                .filteredOn(field -> "ho-tich".equals(field.get("code")))
                .singleElement()
                .satisfies(field -> {
                    assertThat(field.get("name")).isEqualTo("Hộ tịch");
                    assertThat(field.get("servedBy")).isEqualTo(List.of("WARD_POINT", "COMMUNITY"));
                });
        assertThat(english)
                .filteredOn(field -> "ho-tich".equals(field.get("code")))
                .singleElement()
                .satisfies(field -> assertThat(field.get("name")).asString().startsWith("Civil status"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "lon=105.85                          | lat",
                "lat=abc&lon=105.85                  | lat",
                "lat=NaN&lon=105.85                  | lat",
                "lat=Infinity&lon=105.85             | lat",
                "lat=1e1&lon=105.85                  | lat",
                "lat=0x1p4&lon=105.85                | lat",
                "lat=21.0d&lon=105.85                | lat",
                "lat=91&lon=105.85                   | lat",
                "lat=-90.5&lon=105.85                | lat",
                "lat=21.02&lon=181                   | lon",
                "lat=21.02&lon=-Infinity             | lon",
                "lat=21.02&lon=105.8&lon=105.9       | lon",
                "lat=21.02&lon=105.85&mode=bicycle   | mode",
                "lat=21.02&lon=105.85&limit=0        | limit",
                "lat=21.02&lon=105.85&limit=21       | limit",
                "lat=21.02&lon=105.85&limit=2.5      | limit",
                "lat=21.02&lon=105.85&openNow=yes    | openNow",
                "lat=21.02&lon=105.85&field=nope     | field",
                "lat=21.02&lon=105.85&field=HO_TICH  | field",
                "lat=21.02&lon=105.85&field=%27--    | field"
            })
    void refusesBadParametersByName(String query, String parameter) {
        web.get()
                .uri("/api/v1/points/nearest?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request")
                .jsonPath("$.errors[*].name")
                .isEqualTo(parameter);
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        web.get()
                .uri("/api/v1/points/nearest?lat=x&lon=y&mode=boat&limit=99")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].name")
                .isEqualTo(List.of("lat", "lon", "mode", "limit"));
    }

    @Test
    void refusesACallAroundTheGateway() {
        aroundTheGateway()
                .get()
                .uri("/api/v1/points/nearest?" + HOAN_KIEM_LAKE)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult();
    }

    private Map<String, Object> nearest(String query) {
        return web.get()
                .uri("/api/v1/points/nearest?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> fields(String language) {
        return web.get()
                .uri("/api/v1/points/fields")
                .header("Accept-Language", language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("points");
    }
}
