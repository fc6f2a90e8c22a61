package vn.hanoi.hcc.bff.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.JSON;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.applied;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.dossier;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.event;
import static vn.hanoi.hcc.bff.dossier.web.DossierFixtures.filed;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class CitizenAndLookupApiTest extends BffIntegrationTest {

    private static final Instant RECEIVED =
            Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    MeterRegistry meters;

    private WebTestClient system;
    private String citizen;
    private String agency;

    @BeforeEach
    void fresh() {
        system = as(TestIdentityTokens.system("city-citizen-tests"));
        citizen = "0010" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        agency = DossierFixtures.freshAgency();
    }

    @Test
    void listsMyDossiersNewestFirstAndPaged() {
        String older = file(RECEIVED.minus(Duration.ofDays(1)));
        String newer = file(RECEIVED);
        filed(system, dossier(agency, "001099999999", RECEIVED, Duration.ofDays(5)));

        Map<String, Object> first = mine().get()
                .uri("/api/v1/me/dossiers?size=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        Map<String, Object> second = mine().get()
                .uri("/api/v1/me/dossiers?size=1&page=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        assertThat(first).containsEntry("total", 2).containsEntry("hasMore", true);
        assertThat(codes(first)).containsExactly(newer);
        assertThat(codes(second)).containsExactly(older);
        mine().get().uri("/api/v1/me/dossiers?size=0").exchange().expectStatus().isBadRequest();
        mine().get()
                .uri("/api/v1/me/dossiers?page=-1")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void showsMyDossierWithItsTimelineInMyLanguage() {
        String code = file(RECEIVED);
        applied(system, code, event("c-1", 4, RECEIVED.plus(Duration.ofHours(1))));
        applied(system, code, event("c-2", 5, RECEIVED.plus(Duration.ofHours(2))));

        mine().get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Language", "vi")
                .expectBody()
                .jsonPath("$.applicantName")
                .isEqualTo("Nguyễn Văn An")
                .jsonPath("$.status.code")
                .isEqualTo(5)
                .jsonPath("$.status.label")
                .isEqualTo("Yêu cầu bổ sung giấy tờ")
                .jsonPath("$.timing.key")
                .isEqualTo("PAUSED")
                .jsonPath("$.requiredAction.code")
                .isEqualTo("SUBMIT_DOCUMENTS")
                .jsonPath("$.receivingPoint.id")
                .isEqualTo("W00070")
                .jsonPath("$.receivingPoint.name")
                .isEqualTo("Điểm Phục vụ hành chính công phường Hoàn Kiếm")
                .jsonPath("$.resultDelivery")
                .isEqualTo("counter")
                .jsonPath("$.timeline.length()")
                .isEqualTo(3)
                .jsonPath("$.timeline[2].note")
                .isEqualTo("Ghi chú nội bộ c-2");
        mine().get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .header("Accept-Language", "en-US,en;q=0.9")
                .exchange()
                .expectHeader()
                .valueEquals("Content-Language", "en")
                .expectBody()
                .jsonPath("$.status.label")
                .isEqualTo("Documents required")
                .jsonPath("$.requiredAction.label")
                .isEqualTo("Submit the requested documents");
    }

    @Test
    void answersSomeoneElsesDossierExactlyLikeAnUnknownOne() {
        String code = file(RECEIVED);
        WebTestClient stranger = as(TestIdentityTokens.citizen("001099000042"));

        Map<String, Object> theirs = stranger.get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        String unknown = agency + "-200101-0001";
        Map<String, Object> nobodys = stranger.get()
                .uri("/api/v1/me/dossiers/{code}", unknown)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();

        assertThat(withoutVarying(theirs).toString())
                .isEqualTo(withoutVarying(nobodys).toString().replace(unknown, code));
        as(TestIdentityTokens.agent("agent-a", List.of("dossiers:read")))
                .get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get().uri("/api/v1/me/dossiers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void looksUpTheReceiptsDossierWithoutNotesAndWithAMaskedName() {
        Map<String, Object> filed = filed(system, dossier(agency, citizen, RECEIVED, Duration.ofDays(5)));
        applied(system, (String) filed.get("code"), event("l-1", 4, RECEIVED.plus(Duration.ofHours(1))));

        String body = lookup((String) filed.get("code"), (String) filed.get("lookupSecret"), "198.51.100.1")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains("\"applicantName\":\"Ng*** V** A**\"", "\"status\":{\"code\":4")
                .doesNotContain("Nguyễn Văn An", "Ghi chú", "applicantRef", "lookupSecret", citizen);
    }

    @Test
    void failsAlikeForAnUnknownCodeAndAWrongSecretAndThenThrottles() {
        Map<String, Object> filed = filed(system, dossier(agency, citizen, RECEIVED, Duration.ofDays(5)));
        String code = (String) filed.get("code");
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);

        Map<String, Object> wrongSecret = lookup(code, "ZZZZZZZZ", client)
                .expectStatus()
                .isNotFound()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        Map<String, Object> unknownCode = lookup(agency + "-200101-0001", "ZZZZZZZZ", client)
                .expectStatus()
                .isNotFound()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(withoutVarying(wrongSecret))
                .isEqualTo(withoutVarying(unknownCode))
                .containsEntry("detail", "No dossier matches this code and secret");

        // twenty wrong lookups from one address: that address is refused, even with the right secret
        for (int attempt = 2; attempt < 20; attempt++) {
            lookup(code, "ZZZZZZZZ", client).expectStatus().isNotFound();
        }
        lookup(code, (String) filed.get("lookupSecret"), client)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/too-many-requests");
    }

    @Test
    void refusesAMalformedLookup() {
        lookup("H26.99-251122-0001; DROP TABLE dossier", "ZZZZZZZZ", "192.0.2.9")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("code");
        lookup(agency + "-251122-0001", "0OIL1", "192.0.2.9")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("secret");
    }

    @Test
    void servesRepeatedReadsFromTheCacheAndShowsEveryChangeAtOnce() {
        Map<String, Object> filed = filed(system, dossier(agency, citizen, RECEIVED, Duration.ofDays(5)));
        String code = (String) filed.get("code");
        String secret = (String) filed.get("lookupSecret");
        lookup(code, secret, "192.0.2.50").expectStatus().isOk();
        double hits = meters.counter("hcc.dossier.cache", "result", "hit").count();

        // the first read fills the cache after answering, and a Redis slower than 100 ms is passed
        // over: on a loaded machine a hit may take a few reads
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    lookup(code, secret, "192.0.2.50")
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.status.code")
                            .isEqualTo(2);
                    assertThat(meters.counter("hcc.dossier.cache", "result", "hit")
                                    .count())
                            .isGreaterThan(hits);
                });

        applied(system, code, event("cache-1", 9, RECEIVED.plus(Duration.ofHours(1))));
        lookup(code, secret, "192.0.2.50")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status.code")
                .isEqualTo(9);
        mine().get()
                .uri("/api/v1/me/dossiers/{code}", code)
                .exchange()
                .expectBody()
                .jsonPath("$.requiredAction.code")
                .isEqualTo("COLLECT_RESULT");
    }

    private WebTestClient.ResponseSpec lookup(String code, String secret, String client) {
        return as(TestIdentityTokens.anonymousFrom(client))
                .post()
                .uri("/api/v1/dossiers/lookup")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "secret", secret))
                .exchange();
    }

    private WebTestClient mine() {
        return as(TestIdentityTokens.citizen(citizen));
    }

    private String file(Instant received) {
        return (String) filed(system, dossier(agency, citizen, received, Duration.ofDays(5)))
                .get("code");
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(item -> (String) item.get("code")).toList();
    }

    private static Map<String, Object> withoutVarying(Map<String, Object> problem) {
        Map<String, Object> stable = new java.util.TreeMap<>(problem);
        stable.remove("requestId");
        return stable;
    }
}
