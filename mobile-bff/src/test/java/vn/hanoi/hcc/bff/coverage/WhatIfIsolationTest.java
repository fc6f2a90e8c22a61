package vn.hanoi.hcc.bff.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.bff.point.PointSnapshot;
import vn.hanoi.hcc.bff.routing.HeuristicTravelTimes;
import vn.hanoi.hcc.bff.routing.TravelMode;
import vn.hanoi.hcc.bff.routing.TravelTimes;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * What-ifs run on workers of their own: a burst of them fills those (503s), and the public report
 * and map, which a change of the network sends back to their workers, still answer at once. Each
 * what-if takes 2 s here, so that the burst outlasts the requests that must not wait for it. On a
 * database of its own, since it changes the network.
 */
@TestPropertySource(properties = {"hcc.bff.coverage.what-if.workers=1", "hcc.bff.coverage.what-if.queue=1"})
@Import(WhatIfIsolationTest.SlowWhatIfs.class)
class WhatIfIsolationTest extends BffIntegrationTest {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().separateDatabase("whatif");
    /** More than the report's workers and queue could take (2 workers, 16 waiting on each). */
    private static final int BURST = 48;

    private static final Duration WHAT_IF_TIME = Duration.ofSeconds(2);
    /** Long enough for a report and a map on a busy machine, far shorter than the burst's queue. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        useDatabase(registry, DATABASE);
    }

    @Test
    void aBurstOfWhatIfsNeverKeepsThePublicReportAndMapWaiting() throws InterruptedException {
        WebTestClient anyone = web.mutate().responseTimeout(PATIENCE).build();
        WebTestClient staff = as(TestIdentityTokens.ops("planner-burst"))
                .mutate()
                .responseTimeout(PATIENCE)
                .build();
        anyone.get().uri("/api/v1/coverage?mode=car").exchange().expectStatus().isOk();
        WebClient planner = WebClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(TestIdentityTokens.HEADER, TestIdentityTokens.ops("planner-burst"))
                .build();
        List<Integer> answers = new CopyOnWriteArrayList<>();
        CountDownLatch full = new CountDownLatch(1);
        Disposable burst = Flux.range(0, BURST)
                .flatMap(i -> whatIf(planner), BURST)
                .doOnNext(status -> record(status, answers, full))
                .subscribe();
        Disposable trickle = null;
        try {
            assertThat(full.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("the what-if workers are full")
                    .isTrue();
            // keeps them full while the public report and map are asked for
            trickle = Flux.interval(Duration.ofMillis(100))
                    .flatMap(i -> whatIf(planner))
                    .doOnNext(status -> record(status, answers, full))
                    .subscribe();
            // a new point: every mode's report and map must be computed again, on their own workers
            staff.put()
                    .uri("/api/v1/ops/points/WHATIF-BURST-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(POINT)
                    .exchange()
                    .expectStatus()
                    .isCreated();

            anyone.get()
                    .uri("/api/v1/coverage?mode=walk")
                    .exchange()
                    .expectStatus()
                    .isOk();
            anyone.get()
                    .uri("/api/v1/coverage/map.svg?mode=car")
                    .header("Accept-Language", "en")
                    .exchange()
                    .expectStatus()
                    .isOk();
        } finally {
            burst.dispose();
            if (trickle != null) {
                trickle.dispose();
            }
        }
        assertThat(answers).contains(503).allMatch(status -> status == 200 || status == 503);
    }

    /** The real calculator, 2 s slower for a network with candidate points: a what-if's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SlowWhatIfs {

        @Bean
        @Primary
        CoverageCalculator slowWhatIfCalculator(HeuristicTravelTimes model, TravelTimes travel) {
            return new CoverageCalculator(model, travel) {
                @Override
                CoverageReport compute(List<Ward> wards, PointSnapshot network, TravelMode mode, LocalTime at) {
                    if (network.points().stream().anyMatch(point -> point.id().startsWith("candidate-"))) {
                        // a coverage worker's thread, where blocking is allowed
                        LockSupport.parkNanos(WHAT_IF_TIME.toNanos());
                    }
                    return super.compute(wards, network, mode, at);
                }
            };
        }
    }

    private static Mono<Integer> whatIf(WebClient planner) {
        return planner.post()
                .uri("/api/v1/coverage/what-if")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\": \"car\", \"add\": [{\"lat\": 21.20, \"lon\": 105.70}]}")
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()));
    }

    private static void record(int status, List<Integer> answers, CountDownLatch full) {
        answers.add(status);
        if (status == 503) {
            full.countDown();
        }
    }

    private static final String POINT = """
            {"type": "COMMUNITY", "name": "Điểm thử what-if", "wardCode": "00070", "lat": 21.2001, "lon": 105.7001,
             "coordinateQuality": "surveyed", "openingHours": [{"day": "MONDAY", "opens": "07:30", "closes": "17:00"}],
             "active": true}""";
}
