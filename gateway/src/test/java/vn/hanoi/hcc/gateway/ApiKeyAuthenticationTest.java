package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Machine clients' API keys, resolved by hash through the BFF's key store. */
class ApiKeyAuthenticationTest extends SharedFakeBffTest {

    @Test
    void routesAnAgentAndHandsTheBffItsClientAndScopes() throws java.text.ParseException {
        String key = TestApiKeys.agent(bff, "agent-routed", "standard", "dossiers:write", "dossiers:read");

        post(key, "/api/v1/agent/dossiers").expectStatus().isCreated();

        JWTClaimsSet claims = InternalTokenAssert.verifiedClaims(bff.last("/api/v1/agent/dossiers"));
        assertThat(claims.getSubject()).isEqualTo("agent-routed");
        assertThat(claims.getClaim("kind")).isEqualTo("agent");
        assertThat(claims.getStringListClaim("scopes")).containsExactlyInAnyOrder("dossiers:write", "dossiers:read");
        assertThat(bff.last("/api/v1/agent/dossiers").headers()).doesNotContainKey("x-api-key");
    }

    @Test
    void sendsTheKeyStoreOnlyTheHashNeverTheKey() {
        String key = TestApiKeys.agent(bff, "agent-hashed", "standard", "dossiers:read");

        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(bff.received())
                .noneMatch(request -> request.headers().toString().contains(key)
                        || request.body().contains(key));
        assertThat(bff.received())
                .anyMatch(request -> request.header(":uri").equals("/internal/v1/api-keys/" + TestApiKeys.hash(key)));
    }

    @Test
    void asksForAKeyOnMachineRoutes() {
        refused(web.get().uri("/api/v1/agent/dossiers").exchange())
                .expectHeader()
                .valueEquals("WWW-Authenticate", "ApiKey realm=\"hcc\", header=\"X-Api-Key\"");
    }

    @Test
    void refusesAnUnknownOrMalformedKey() {
        refused(web.get()
                        .uri("/api/v1/agent/dossiers")
                        .header("X-Api-Key", "hcc_never_issued_0000")
                        .exchange())
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown or revoked API key");
        refused(web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", "short")
                .exchange());
        refused(web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", "with space inside it")
                .exchange());
    }

    @Test
    void refusesAKeyAlongsideABearerToken() {
        String key = TestApiKeys.agent(bff, "agent-both", "standard", "dossiers:read");

        refused(web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", key)
                .headers(h -> h.setBearerAuth(idp.token("001099012345", "citizen")))
                .exchange());
    }

    @Test
    void needsTheScopeOfTheOperation() {
        String readOnly = TestApiKeys.agent(bff, "agent-read-only", "standard", "dossiers:read");

        post(readOnly, "/api/v1/agent/dossiers")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/forbidden");
        post(readOnly, "/api/v1/agent/events:batch").expectStatus().isForbidden();
        web.put()
                .uri("/api/v1/agent/webhook")
                .header("X-Api-Key", readOnly)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/agent/dossiers?updatedSince=x")
                .header("X-Api-Key", readOnly)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void headNeedsTheScopeOfTheGetItMirrors() {
        String writeOnly = TestApiKeys.agent(bff, "agent-head-write", "standard", "dossiers:write");
        String readOnly = TestApiKeys.agent(bff, "agent-head-read", "standard", "dossiers:read");

        web.head()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", writeOnly)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.head()
                .uri("/api/v1/agent/dossiers/H26.99-251122-0001")
                .header("X-Api-Key", writeOnly)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.head()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", readOnly)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesEveryAgentOperationNoScopeRuleNames() {
        String clientId = "city-system-unnamed-" + System.nanoTime();
        String everyScope = TestApiKeys.system(bff, clientId);
        String readOnly = TestApiKeys.agent(bff, clientId + "-read", "standard", "dossiers:read");

        web.delete()
                .uri("/api/v1/agent/dossiers/H26.99-251122-0001")
                .header("X-Api-Key", everyScope)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/agent/webhook")
                .header("X-Api-Key", everyScope)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/agent/not-an-operation")
                .header("X-Api-Key", everyScope)
                .exchange()
                .expectStatus()
                .isForbidden();
        post(everyScope, "/api/v1/agent/dossiers/H26.99-251122-0001/not-events")
                .expectStatus()
                .isForbidden();
        web.put()
                .uri("/api/v1/agent/webhook/")
                .header("X-Api-Key", readOnly)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        refused(web.get().uri("/api/v1/agent/not-an-operation").exchange());

        assertThat(ForwardedHeadersTest.routedFor(clientId) + ForwardedHeadersTest.routedFor(clientId + "-read"))
                .isZero();
    }

    @Test
    void keepsPeoplesRoutesToPeople() {
        String key = TestApiKeys.system(bff, "city-system-me");

        web.get()
                .uri("/api/v1/me/dossiers")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get()
                .uri("/api/v1/ops/overdue")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void stopsARevokedKeyWithinTenSeconds() {
        String key = TestApiKeys.agent(bff, "agent-revoked", "standard", "dossiers:read");
        web.get()
                .uri("/api/v1/agent/dossiers")
                .header("X-Api-Key", key)
                .exchange()
                .expectStatus()
                .isOk();

        bff.revokeApiClient(TestApiKeys.hash(key));

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> web.get()
                        .uri("/api/v1/agent/dossiers")
                        .header("X-Api-Key", key)
                        .exchange()
                        .expectStatus()
                        .isUnauthorized());
    }

    @Test
    void answers503WhenTheKeyStoreCannotBeAsked() {
        String key = "hcc_unseen_while_down_" + System.nanoTime();
        bff.keyStoreDown(true);
        try {
            web.get()
                    .uri("/api/v1/agent/dossiers")
                    .header("X-Api-Key", key)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            bff.keyStoreDown(false);
        }
    }

    private WebTestClient.ResponseSpec post(String key, String path) {
        return web.post()
                .uri(path)
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"procedureCode\":\"1.001\"}")
                .exchange();
    }

    private static WebTestClient.ResponseSpec refused(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("WWW-Authenticate");
        return response;
    }
}
