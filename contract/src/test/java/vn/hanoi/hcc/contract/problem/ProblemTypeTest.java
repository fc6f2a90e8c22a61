package vn.hanoi.hcc.contract.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problem types clients rely on: every type URI and status, as the root README lists them. */
class ProblemTypeTest {

    @Test
    void keepsEveryTypeUriAndStatus() {
        Map<String, Integer> published = new LinkedHashMap<>();
        Arrays.stream(ProblemType.values())
                .forEach(type ->
                        published.put(type.uri().toString(), type.status().value()));

        assertThat(published)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry(ProblemType.BASE_URI + "invalid-request", 400),
                        Map.entry(ProblemType.BASE_URI + "unauthorized", 401),
                        Map.entry(ProblemType.BASE_URI + "forbidden", 403),
                        Map.entry(ProblemType.BASE_URI + "not-found", 404),
                        Map.entry(ProblemType.BASE_URI + "method-not-allowed", 405),
                        Map.entry(ProblemType.BASE_URI + "not-acceptable", 406),
                        Map.entry(ProblemType.BASE_URI + "conflict", 409),
                        Map.entry(ProblemType.BASE_URI + "idempotency-key-in-flight", 409),
                        Map.entry(ProblemType.BASE_URI + "payload-too-large", 413),
                        Map.entry(ProblemType.BASE_URI + "uri-too-long", 414),
                        Map.entry(ProblemType.BASE_URI + "unsupported-media-type", 415),
                        Map.entry(ProblemType.BASE_URI + "identifier-reused", 422),
                        Map.entry(ProblemType.BASE_URI + "idempotency-key-reused", 422),
                        Map.entry(ProblemType.BASE_URI + "too-many-requests", 429),
                        Map.entry(ProblemType.BASE_URI + "too-many-in-flight", 429),
                        Map.entry(ProblemType.BASE_URI + "headers-too-large", 431),
                        Map.entry(ProblemType.BASE_URI + "internal-error", 500),
                        Map.entry(ProblemType.BASE_URI + "bad-gateway", 502),
                        Map.entry(ProblemType.BASE_URI + "service-unavailable", 503),
                        Map.entry(ProblemType.BASE_URI + "gateway-timeout", 504)));
    }

    @Test
    void givesEveryTypeATitleOfItsOwn() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::title))
                .doesNotHaveDuplicates()
                .allSatisfy(title -> assertThat(title).isNotBlank());
        assertThat(ProblemType.INTERNAL_ERROR.title()).isEqualTo("Internal error");
    }
}
