package vn.hanoi.hcc.bff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hanoi.hcc.bff.BffIntegrationTest;

/** Travel times from a routing engine when one is configured, and the heuristic whenever it fails. */
class OsrmRoutingTest extends BffIntegrationTest {

    private static final FakeOsrm OSRM = new FakeOsrm();
    private static final String NEAR_THE_LAKE = "/api/v1/points/nearest?lat=21.0285&lon=105.8542&limit=3";

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void routingEngine(DynamicPropertyRegistry registry) {
        registry.add("hcc.bff.travel.engine", () -> "osrm");
        registry.add("hcc.bff.travel.osrm.base-urls.motorbike", OSRM::baseUrl);
    }

    @BeforeEach
    void freshEngine() {
        OSRM.forget();
        breakers.circuitBreaker("osrm").reset();
    }

    @Test
    void ranksByTheEnginesTimesAndAsksItAboutMoreCandidatesThanTheLimit() {
        List<Map<String, Object>> points = points(NEAR_THE_LAKE);

        assertThat(OSRM.requests()).singleElement().satisfies(uri -> {
            assertThat(uri).contains("/table/v1/driving/105.854200,21.028500;").contains("sources=0");
            // 3 asked, 10 candidates by distance sent (plus the origin)
            assertThat(uri.substring(0, uri.indexOf('?')).split(";")).hasSize(11);
        });
        assertThat(points)
                .hasSize(3)
                .allSatisfy(point -> assertThat(point.get("estimate")).isEqualTo("osrm"));
        // the fake makes the farthest of the 10 candidates the quickest: 60 s + 2 min overhead
        assertThat(points.get(0).get("travelMinutes")).isEqualTo(3.0);
        assertThat((Double) points.get(0).get("distanceKm"))
                .isGreaterThan((Double) points.get(2).get("distanceKm"));
        assertThat(points)
                .extracting(point -> ((Number) point.get("travelMinutes")).doubleValue())
                .isSorted();
    }

    @Test
    void timesAPointTheEngineCannotRouteToWithTheHeuristic() {
        OSRM.behave(FakeOsrm.Behaviour.NO_ROUTE_TO_SECOND);

        List<Map<String, Object>> points = points(NEAR_THE_LAKE.replace("limit=3", "limit=10"));

        assertThat(points)
                .extracting(point -> point.get("estimate"))
                .containsOnly("osrm", "heuristic")
                .filteredOn("heuristic"::equals)
                .hasSize(1);
    }

    @Test
    void fallsBackToTheHeuristicWhenTheEngineFails() {
        OSRM.behave(FakeOsrm.Behaviour.FAIL);

        assertThat(points(NEAR_THE_LAKE))
                .hasSize(3)
                .allSatisfy(point -> assertThat(point.get("estimate")).isEqualTo("heuristic"));
    }

    @Test
    void answersWithinTheTimeoutWhenTheEngineHangs() {
        OSRM.behave(FakeOsrm.Behaviour.SLOW);
        long started = System.nanoTime();

        List<Map<String, Object>> points = points(NEAR_THE_LAKE);

        // the 800 ms timeout, not the engine's 30 s: a third of it leaves room for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FakeOsrm.HANG.dividedBy(3));
        assertThat(points).allSatisfy(point -> assertThat(point.get("estimate")).isEqualTo("heuristic"));
    }

    @Test
    void stopsAskingAFailingEngineOnceItsCircuitOpens() {
        OSRM.behave(FakeOsrm.Behaviour.FAIL);
        for (int i = 0; i < 8; i++) {
            points(NEAR_THE_LAKE);
        }

        // the test profile opens the circuit after 4 failed calls out of 4
        assertThat(OSRM.requests()).hasSize(4);
        assertThat(breakers.circuitBreaker("osrm").getState().name()).isEqualTo("OPEN");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> points(String uri) {
        Map<String, Object> body = web.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) body.get("points");
    }
}
