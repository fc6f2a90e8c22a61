package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Forwarding headers a client sends change nothing: not the path Spring Security authorizes, not the
 * route, not what the BFF receives. {@link ForwardedHeadersOnKubernetesTest} runs the same with the
 * platform Boot detects on Kubernetes, where it would otherwise read them.
 */
class ForwardedHeadersTest extends SharedFakeBffTest {

    private static final String FORGED_AGENT_PREFIX = "/api/v1/agent";

    @Test
    void aForgedPrefixDoesNotLetAReadOnlyKeySetTheWebhook() {
        String clientId = "agent-prefix-webhook-" + System.nanoTime();
        String readOnly = TestApiKeys.agent(bff, clientId, "standard", "dossiers:read");

        web.put()
                .uri("/webhook")
                .header("X-Api-Key", readOnly)
                .header("X-Forwarded-Prefix", FORGED_AGENT_PREFIX)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\":\"https://evil.example/hook\"}")
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(routedFor(clientId)).isZero();
    }

    @Test
    void aForgedPrefixDoesNotLetAWriteOnlyKeyReadTheChangeFeed() {
        String clientId = "agent-prefix-feed-" + System.nanoTime();
        String writeOnly = TestApiKeys.agent(bff, clientId, "standard", "dossiers:write");

        web.get()
                .uri("/dossiers?updatedSince=0")
                .header("X-Api-Key", writeOnly)
                .header("X-Forwarded-Prefix", FORGED_AGENT_PREFIX)
                .exchange()
                .expectStatus()
                .isNotFound();
        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", writeOnly)
                .header("X-Forwarded-Prefix", "/x")
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(routedFor(clientId)).isZero();
    }

    @Test
    void aForgedPrefixOrHostChangesNeitherThePathNorTheProblemInstance() {
        // read as the context path, the prefix would route this to /api/v1/points/nowhere
        web.get()
                .uri("/nowhere")
                .header("X-Forwarded-Prefix", "/api/v1/points")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.instance")
                .isEqualTo("/nowhere");

        assertThat(bff.last("/api/v1/points/nowhere")).isNull();
    }

    @Test
    void aForgedPrefixDoesNotCarryAnAnonymousCallerIntoOps() {
        // read as the context path, the prefix would route this to /api/v1/ops/api/v1/points
        web.get()
                .uri("/api/v1/points?ops-probe")
                .header("X-Forwarded-Prefix", "/api/v1/ops")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Server", "evil")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(bff.last("/api/v1/ops/api/v1/points")).isNull();
        assertBffReceivedNoForwarding(bff.last("/api/v1/points?ops-probe"), "/api/v1/points?ops-probe");
    }

    @Test
    void theBffReceivesNoForwardedHeaderTheClientSent() {
        web.get()
                .uri("/api/v1/points?forwarded-probe")
                .header("Forwarded", "for=192.0.2.1;host=evil.example;proto=https")
                .exchange()
                .expectStatus()
                .isOk();

        assertBffReceivedNoForwarding(bff.last("/api/v1/points?forwarded-probe"), "/api/v1/points?forwarded-probe");
    }

    private static void assertBffReceivedNoForwarding(FakeBff.Received received, String uri) {
        assertThat(received).as("the request as the BFF received it").isNotNull();
        assertThat(received.header(":uri")).isEqualTo(uri);
        assertThat(received.headers().keySet())
                .noneMatch(name -> name.startsWith("x-forwarded-"))
                .doesNotContain("forwarded");
        assertThat(received.header("host")).doesNotContain("evil");
    }

    /** Requests the BFF received from this machine client. */
    protected static long routedFor(String clientId) {
        return bff.received().stream()
                .filter(request -> request.header(":uri").startsWith("/api/"))
                .filter(request -> clientId.equals(
                        InternalTokenAssert.verifiedClaims(request).getSubject()))
                .count();
    }
}
