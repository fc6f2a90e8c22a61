package vn.hanoi.hcc.bff.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/** The coverage report, the what-if, the suggestions and the map, as a planner's client sees them. */
class CoverageApiTest extends BffIntegrationTest {

    private static final long HANOI_POPULATION = 8_807_523;

    @Test
    void reportsTheShareOfHanoiWithinTargetCityWideAndPerWardWorstFirst() {
        Map<String, Object> report = report("/api/v1/coverage");

        assertThat(report.get("mode")).isEqualTo("motorbike");
        assertThat(report.get("referenceTime")).isEqualTo("10:00");
        assertThat(report.get("target")).isEqualTo(Map.of("maxDistanceKm", 5.0, "maxTravelMinutes", 30.0));
        assertThat(((Number) report.get("population")).longValue()).isEqualTo(HANOI_POPULATION);
        assertThat(report.get("activePoints")).isEqualTo(159);
        double share = (Double) report.get("coveredShare");
        assertThat(share).isBetween(0.5, 1.0);
        List<Map<String, Object>> wards = wards(report);
        assertThat(wards).hasSize(126);
        assertThat(wards)
                .extracting(ward -> ((Number) ward.get("coveredShare")).doubleValue())
                .isSorted();
        assertThat(wards.get(0))
                .containsKeys(
                        "code",
                        "name",
                        "population",
                        "coveredShare",
                        "coveredPopulation",
                        "meanTravelMinutes",
                        "maxTravelMinutes",
                        "samples");
        long covered = wards.stream()
                .mapToLong(ward -> ((Number) ward.get("coveredPopulation")).longValue())
                .sum();
        assertThat(((Number) report.get("coveredPopulation")).longValue()).isEqualTo(covered);
        assertThat((Integer) report.get("wardsFullyCovered")
                        + (Integer) report.get("wardsPartlyCovered")
                        + (Integer) report.get("wardsUncovered"))
                .isEqualTo(126);
    }

    @Test
    void walkingCoversFewerPeopleThanRiding() {
        double walking = (Double) report("/api/v1/coverage?mode=walk").get("coveredShare");
        double riding = (Double) report("/api/v1/coverage?mode=motorbike").get("coveredShare");

        assertThat(walking).isLessThan(riding);
    }

    @Test
    void aWhatIfPointInTheWorstWardHelpsItAndChangesNothing() {
        Map<String, Object> before = report("/api/v1/coverage");
        Map<String, Object> worst = wards(before).get(0);
        String worstCode = (String) worst.get("code");
        Map<String, Object> ward = wardPoint(worstCode);

        Map<String, Object> whatIf = whatIf("""
                {"mode": "motorbike", "add": [{"lat": %s, "lon": %s}]}""".formatted(ward.get("lat"), ward.get("lon")));

        Map<String, Object> gain = map(whatIf.get("gain"));
        assertThat(gain.get("activePoints")).isEqualTo(1);
        assertThat(((Number) gain.get("coveredPopulation")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(map(whatIf.get("baseline")).get("coveredShare")).isEqualTo(before.get("coveredShare"));
        Map<String, Object> after = wards(map(whatIf.get("report"))).stream()
                .filter(candidate -> worstCode.equals(candidate.get("code")))
                .findFirst()
                .orElseThrow();
        assertThat((Double) after.get("meanTravelMinutes"))
                .isLessThanOrEqualTo((Double) worst.get("meanTravelMinutes"));
        assertThat(report("/api/v1/coverage")).isEqualTo(before);
    }

    @Test
    void removingPointsLosesCoverage() {
        Map<String, Object> whatIf = whatIf("""
                {"remove": ["HQ", "CN1", "CN7", "D001", "D002", "D003", "W00004", "W00008", "W00025", "W00070"]}""");

        assertThat(((Number) map(whatIf.get("gain")).get("coveredPopulation")).longValue())
                .isLessThanOrEqualTo(0);
        assertThat(map(whatIf.get("report")).get("activePoints")).isEqualTo(149);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"remove\": [\"NOPE\"]}                      | remove[0]",
                "{\"add\": [{\"lat\": 91, \"lon\": 105}]}      | add[0].lat",
                "{\"add\": [{\"lat\": 21}]}                    | add[0].lon",
                "{\"add\": [{\"lat\": \"x\", \"lon\": 105}]}   | add[0].lat",
                "{\"mode\": \"plane\"}                         | mode",
                "{\"remove\": [\"HQ'; DROP TABLE ward;--\"]}   | remove[0]",
                "{\"add\": 5}                                  | add",
                "{\"add\": [                                   | add"
            })
    void refusesABadWhatIf(String body, String field) {
        refusedNaming("/api/v1/coverage/what-if", body, field);
    }

    @Test
    void refusesTooManyChanges() {
        StringBuilder add = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            add.append(i == 0 ? "" : ",").append("{\"lat\": 21.0, \"lon\": 105.8}");
        }
        planner()
                .post()
                .uri("/api/v1/coverage/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"add\": [" + add + "]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("add");
    }

    @Test
    void refusesAnUnknownModeForTheReportAndTheMap() {
        web.get()
                .uri("/api/v1/coverage?mode=boat")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("mode");
        web.get()
                .uri("/api/v1/coverage/map.svg?mode=boat")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
    }

    @Test
    void drawsAWellFormedMapWithOneShapePerWardThePointsALegendAndTheFigure() throws Exception {
        byte[] svg = web.get()
                .uri("/api/v1/coverage/map.svg")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("image/svg+xml")
                .expectBody()
                .returnResult()
                .getResponseBody();

        Document document = parse(svg);
        NodeList paths = document.getElementsByTagName("path");
        Set<String> wards = new HashSet<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            if ("ward".equals(path.getAttribute("class"))) {
                assertThat(wards.add(path.getAttribute("data-ward")))
                        .as("one shape per ward")
                        .isTrue();
                assertThat(path.getAttribute("fill")).matches("#[0-9a-f]{6}");
            }
        }
        assertThat(wards).hasSize(126);
        String text = new String(svg, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("class=\"legend\"", "class=\"point hq\"", "class=\"point ward_point\"")
                .containsPattern("\\d+,\\d % dân số \\(8\\.807\\.523 người\\)")
                .contains("0–10 phút</text>");
        String english = new String(
                web.get()
                        .uri("/api/v1/coverage/map.svg?mode=walk")
                        .header("Accept-Language", "en")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(english)
                .contains("Travel time to the nearest", "on foot")
                .containsPattern("\\d+\\.\\d % of 8,807,523 people")
                .contains("0–10 min</text>");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/coverage/what-if    | {\"remove\": [\"HQ\"]}",
                "/api/v1/coverage/suggestions | {\"count\": 1}"
            })
    void keepsWhatIfsAndSuggestionsToTheCentersStaff(String uri, String body) {
        web.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String caller :
                List.of(TestIdentityTokens.citizen("001099012345"), TestIdentityTokens.system("city-system"))) {
            as(caller)
                    .post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("This operation needs the role ops");
        }
    }

    @Test
    void suggestsSitesInBuildOrderEachAddingLessThanTheOneBeforeAndChangesNothing() {
        double before = (Double) report("/api/v1/coverage").get("coveredShare");
        String body = "{\"count\": 3, \"candidates\": \"grid\"}";

        Map<String, Object> first = suggestions(body);
        Map<String, Object> again = suggestions(body);

        assertThat(again).isEqualTo(first);
        Map<String, Object> baseline = map(first.get("baseline"));
        assertThat(((Number) baseline.get("population")).longValue()).isEqualTo(HANOI_POPULATION);
        assertThat(baseline.get("activePoints")).isEqualTo(159);
        assertThat(first.get("candidates")).isEqualTo("grid");
        List<Map<String, Object>> sites = sites(first);
        assertThat(sites).hasSize(3);
        assertThat(sites).extracting(site -> site.get("rank")).containsExactly(1, 2, 3);
        // coverage is submodular: each site brings no more people than the one chosen before it
        assertThat(sites)
                .extracting(site -> ((Number) site.get("newlyCoveredPopulation")).longValue())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .allMatch(people -> people > 0);
        assertThat(sites)
                .extracting(site -> ((Number) site.get("coveredShareAfter")).doubleValue())
                .isSorted()
                .allMatch(share -> share > ((Number) baseline.get("coveredShare")).doubleValue());
        assertThat(wards(sites.get(0)))
                .isNotEmpty()
                .first()
                .satisfies(ward -> assertThat(ward).containsKeys("code", "name", "newlyCoveredPopulation"));
        assertThat(report("/api/v1/coverage").get("coveredShare")).isEqualTo(before);
    }

    @Test
    void takesThePlannersOwnCandidatesAndAStricterTarget() {
        Map<String, Object> answer = suggestions("{\"count\": 2, \"mode\": \"walk\", \"target\": "
                + "{\"maxDistanceKm\": 1, \"maxTravelMinutes\": 15}, \"candidates\": "
                + "[{\"lat\": 21.03, \"lon\": 105.85}, {\"lat\": 20.60, \"lon\": 105.75}]}");

        assertThat(answer.get("target")).isEqualTo(Map.of("maxDistanceKm", 1.0, "maxTravelMinutes", 15.0));
        assertThat(answer.get("mode")).isEqualTo("walk");
        assertThat(sites(answer)).hasSizeBetween(1, 2);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                          | count",
                "{\"count\": 0}                                               | count",
                "{\"count\": 11}                                              | count",
                "{\"count\": 1, \"mode\": \"plane\"}                          | mode",
                "{\"count\": 1, \"candidates\": \"hexagons\"}                 | candidates",
                "{\"count\": 1, \"candidates\": []}                           | candidates",
                "{\"count\": 1, \"candidates\": [{\"lat\": 91, \"lon\": 105}]}  | candidates[0].lat",
                "{\"count\": 1, \"candidates\": [{\"lat\": 21}]}              | candidates[0].lon",
                "{\"count\": 1, \"target\": {\"maxDistanceKm\": -1, \"maxTravelMinutes\": 30}} | target.maxDistanceKm",
                "{\"count\": 1, \"exclude\": [\"NOPE\"]}                      | exclude[0]"
            })
    void refusesABadSuggestionNamingTheField(String body, String field) {
        refusedNaming("/api/v1/coverage/suggestions", body, field);
    }

    @Test
    void drawsTheSuggestedSitesNumberedOnTheMap() {
        String svg = new String(
                web.get()
                        .uri("/api/v1/coverage/map.svg?suggest=3")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);

        assertThat(svg).contains("<g class=\"suggested\"", "Vị trí đề xuất 1:", "Vị trí đề xuất 3:");
        assertThat(svg).doesNotContain("Vị trí đề xuất 4:");
        web.get()
                .uri("/api/v1/coverage/map.svg?suggest=11")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("suggest");
    }

    @Test
    void refusesACallAroundTheGateway() {
        aroundTheGateway()
                .get()
                .uri("/api/v1/coverage")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult();
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private Map<String, Object> report(String uri) {
        return web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> whatIf(String body) {
        return planned("/api/v1/coverage/what-if", body);
    }

    /** A planner's POST of this body, refused with a 400 naming this field first. */
    private void refusedNaming(String uri, String body, String field) {
        planner()
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }

    /** A planner's POST of this body, answered 200. */
    private Map<String, Object> planned(String uri, String body) {
        return planner()
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> suggestions(String body) {
        return planned("/api/v1/coverage/suggestions", body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sites(Map<String, Object> suggestions) {
        return (List<Map<String, Object>>) suggestions.get("sites");
    }

    private WebTestClient planner() {
        return as(TestIdentityTokens.ops("planner-1"));
    }

    private Map<String, Object> wardPoint(String wardCode) {
        Map<String, Object> listed = report("/api/v1/points?type=WARD_POINT&ward=" + wardCode);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) listed.get("points");
        return points.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> wards(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("wards");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
