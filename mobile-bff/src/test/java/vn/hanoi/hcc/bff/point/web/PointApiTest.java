package vn.hanoi.hcc.bff.point.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;

class PointApiTest extends BffIntegrationTest {

    @Test
    void listsThe126WardPoints() {
        Map<String, Object> body = list("/api/v1/points?type=WARD_POINT");

        assertThat(body.get("count")).isEqualTo(126);
        List<Map<String, Object>> points = points(body);
        assertThat(points).hasSize(126).allSatisfy(point -> {
            assertThat(point.get("type")).isEqualTo("WARD_POINT");
            assertThat(point.get("coordinateQuality")).isEqualTo("ward-representative");
            assertThat(point.get("wardCode")).asString().matches("\\d{5}");
            assertThat(point.get("openingHours")).asString().contains("Asia/Ho_Chi_Minh", "MONDAY");
        });
    }

    @Test
    void listsEverySeededPointHqFirst() {
        List<Map<String, Object>> points = points(list("/api/v1/points"));

        assertThat(points).hasSize(159);
        assertThat(points.get(0).get("id")).isEqualTo("HQ");
        assertThat(points)
                .extracting(point -> point.get("type"))
                .containsSubsequence("HQ", "BRANCH", "RECEPTION", "WARD_POINT");
        assertThat(points)
                .filteredOn(point -> "RECEPTION".equals(point.get("type")))
                .hasSize(30)
                .allSatisfy(point -> assertThat(point.get("coordinateQuality")).isEqualTo("district-centroid"));
        assertThat(points)
                .filteredOn(point -> "BRANCH".equals(point.get("type")))
                .extracting(point -> point.get("id"))
                .containsExactly("CN1", "CN7");
    }

    @Test
    void findsHoanKiemWithOrWithoutDiacritics() {
        List<Object> plain = ids(list("/api/v1/points?q=hoan kiem"));
        List<Object> accented = ids(list("/api/v1/points?q=Hoàn Kiếm"));
        List<Object> shouted = ids(list("/api/v1/points?q=HOÀN   KIẾM"));

        assertThat(plain).containsExactly("D002", "W00070");
        assertThat(accented).isEqualTo(plain);
        assertThat(shouted).isEqualTo(plain);
    }

    @Test
    void findsDongDaThroughTheLetterDStroke() {
        assertThat(ids(list("/api/v1/points?type=WARD_POINT&q=dong da"))).contains("W00235");
    }

    @Test
    void combinesTypeWardAndSearch() {
        assertThat(ids(list("/api/v1/points?type=RECEPTION&q=hoan kiem"))).containsExactly("D002");
        assertThat(ids(list("/api/v1/points?ward=00070&type=WARD_POINT"))).containsExactly("W00070");
        assertThat(ids(list("/api/v1/points?ward=00070&q=tay ho"))).isEmpty();
    }

    @Test
    void treatsLikeWildcardsInTheSearchAsText() {
        assertThat(list("/api/v1/points?q=%25").get("count")).isEqualTo(0);
        assertThat(list("/api/v1/points?q=_").get("count")).isEqualTo(0);
    }

    @Test
    void ignoresBlankParameters() {
        Map<String, Object> body = web.get()
                .uri(builder -> builder.path("/api/v1/points")
                        .queryParam("type", "")
                        .queryParam("ward", " ")
                        .queryParam("q", "")
                        .build())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(body.get("count")).isEqualTo(159);
    }

    @Test
    void refusesAnUnknownTypeNamingTheParameter() {
        badRequest("/api/v1/points?type=PARK")
                .jsonPath("$.errors[0].name")
                .isEqualTo("type")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("type"));
    }

    @Test
    void refusesAMalformedWardCode() {
        badRequest("/api/v1/points?ward=70").jsonPath("$.errors[0].name").isEqualTo("ward");
    }

    @Test
    void refusesAnOverlongSearch() {
        badRequest("/api/v1/points?q=" + "a".repeat(101))
                .jsonPath("$.errors[0].name")
                .isEqualTo("q");
    }

    @Test
    void namesEveryInvalidParameter() {
        badRequest("/api/v1/points?type=PARK&ward=x")
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[1].name")
                .isEqualTo("ward");
    }

    @Test
    void getsOnePointWithItsWardAndHours() {
        web.get()
                .uri("/api/v1/points/W00070")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo("W00070")
                .jsonPath("$.name")
                .isEqualTo("Điểm Phục vụ hành chính công phường Hoàn Kiếm")
                .jsonPath("$.wardName")
                .isEqualTo("Hoàn Kiếm")
                .jsonPath("$.address")
                .isEqualTo("Số 126 Hàng Trống, phường Hoàn Kiếm")
                .jsonPath("$.lat")
                .isEqualTo(21.03375)
                .jsonPath("$.lon")
                .isEqualTo(105.85035)
                .jsonPath("$.openingHours.timezone")
                .isEqualTo("Asia/Ho_Chi_Minh")
                .jsonPath("$.openingHours.weekly[0].day")
                .isEqualTo("MONDAY")
                .jsonPath("$.openingHours.weekly[0].opens")
                .isEqualTo("08:00")
                .jsonPath("$.openingHours.weekly[0].closes")
                .isEqualTo("12:00")
                .jsonPath("$.active")
                .isEqualTo(true);
    }

    @Test
    void tellsTheHqIsTemporarilyElsewhere() {
        web.get()
                .uri("/api/v1/points/HQ")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("HQ")
                .jsonPath("$.address")
                .isEqualTo("197 Nghi Tàm, phường Tây Hồ, Hà Nội")
                .jsonPath("$.note")
                .value(note -> assertThat((String) note).contains("258 Võ Chí Công"));
    }

    @Test
    void answersAnUnknownIdWith404Problem() {
        web.get()
                .uri("/api/v1/points/nope")
                .header("X-Request-Id", "req-404-test")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("X-Request-Id", "req-404-test")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/not-found")
                .jsonPath("$.title")
                .isEqualTo("Resource not found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("No service point with id 'nope'")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/points/nope")
                .jsonPath("$.requestId")
                .isEqualTo("req-404-test");
    }

    @Test
    void refusesAMethodThePathDoesNotServe() {
        web.post()
                .uri("/api/v1/points")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Allow", "GET")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/method-not-allowed");
    }

    @Test
    void givesTheSamePublicAnswerWhateverIdentityTheCallerClaims() {
        Map<String, Object> anonymous = list("/api/v1/points?type=BRANCH");
        Map<String, Object> claimingOps = web.get()
                .uri("/api/v1/points?type=BRANCH")
                .header("X-User-Roles", "ops")
                .header("Authorization", "Bearer forged")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(claimingOps).isEqualTo(anonymous);
    }

    private Map<String, Object> list(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.BodyContentSpec badRequest(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request")
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.requestId")
                .exists();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> points(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("points");
    }

    private static List<Object> ids(Map<String, Object> body) {
        return points(body).stream().map(point -> point.get("id")).toList();
    }
}
