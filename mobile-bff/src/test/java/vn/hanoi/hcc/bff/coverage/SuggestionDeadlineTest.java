package vn.hanoi.hcc.bff.coverage;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * Suggestions past their deadline are refused with a problem+json 503 and Retry-After, and the
 * public report still answers: here the deadline is a millisecond, shorter than any computation.
 */
@TestPropertySource(properties = "hcc.bff.coverage.suggestions.deadline=1ms")
class SuggestionDeadlineTest extends BffIntegrationTest {

    @Test
    void aSuggestionPastItsDeadlineIsA503AndThePublicReportStillAnswers() {
        as(TestIdentityTokens.ops("planner-late"))
                .post()
                .uri("/api/v1/coverage/suggestions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"count\": 10, \"candidates\": \"grid\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/service-unavailable");
        web.get().uri("/api/v1/coverage").exchange().expectStatus().isOk();
    }
}
