package vn.hanoi.hcc.bff.apikey.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.contract.apikey.ApiKeyHasher;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

class ApiKeyOpsTest extends BffIntegrationTest {

    private static final String KEYS = "/api/v1/ops/api-keys";

    @Autowired
    ApiKeyHasher hasher;

    @Autowired
    DatabaseClient db;

    @Test
    void makesAKeyShownOnceThatTheGatewayCanResolveUntilRevoked() {
        Map<String, Object> created = create("agent-created-1", "agent", List.of("dossiers:write"), "standard");
        String plainKey = (String) created.get("apiKey");
        assertThat(plainKey).startsWith("hcc_").hasSize(47);
        assertThat(created)
                .containsEntry("clientId", "agent-created-1")
                .containsEntry("kind", "agent")
                .containsEntry("keyHint", plainKey.substring(0, 8));
        String id = (String) created.get("id");

        as(TestIdentityTokens.gateway())
                .get()
                .uri("/internal/v1/api-keys/" + hasher.hash(plainKey))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.clientId")
                .isEqualTo("agent-created-1")
                .jsonPath("$.kind")
                .isEqualTo("agent")
                .jsonPath("$.scopes[0]")
                .isEqualTo("dossiers:write")
                .jsonPath("$.rateTier")
                .isEqualTo("standard")
                .jsonPath("$.agencies")
                .isEqualTo(List.of("H26.99"));

        as(TestIdentityTokens.ops("staff-1"))
                .delete()
                .uri(KEYS + "/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        as(TestIdentityTokens.ops("staff-1"))
                .delete()
                .uri(KEYS + "/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        as(TestIdentityTokens.gateway())
                .get()
                .uri("/internal/v1/api-keys/" + hasher.hash(plainKey))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void storesOnlyTheHashOfAKey() {
        String plainKey = (String) create("agent-hash-only", "agent", List.of("dossiers:read"), "standard")
                .get("apiKey");

        Long plainRows = db.sql("SELECT count(*) AS n FROM api_key WHERE key_hash = :key OR label = :key")
                .bind("key", plainKey)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        Long hashedRows = db.sql("SELECT count(*) AS n FROM api_key WHERE key_hash = :hash")
                .bind("hash", hasher.hash(plainKey))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        assertThat(plainRows).isZero();
        assertThat(hashedRows).isEqualTo(1);
    }

    @Test
    void listsKeysWithoutTheirSecrets() {
        create("agent-listed", "system", List.of("dossiers:read", "dossiers:write"), "system");

        String body = as(TestIdentityTokens.ops("staff-1"))
                .get()
                .uri(KEYS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body)
                .contains("\"clientId\":\"agent-listed\"", "\"keyHint\":\"hcc_")
                .doesNotContain("apiKey", "key_hash", "keyHash");
    }

    @Test
    void namesEveryInvalidField() {
        as(TestIdentityTokens.ops("staff-1"))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "clientId", "No Spaces", "kind", "robot", "scopes", List.of("everything"), "rateTier", "gold"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].name")
                .isEqualTo(List.of("clientId", "kind", "scopes", "rateTier"));
    }

    @Test
    void namesEveryMissingFieldAndWritesNothing() {
        long before = keyRows();

        badRequest("{}").jsonPath("$.errors[*].name").isEqualTo(List.of("clientId", "kind", "scopes", "rateTier"));
        Map<String, Object> complete = Map.of(
                "clientId",
                "agent-missing",
                "kind",
                "agent",
                "scopes",
                List.of("dossiers:read"),
                "rateTier",
                "standard",
                "agencies",
                List.of("H26.99"));
        for (String missing : complete.keySet()) {
            Map<String, Object> body = new HashMap<>(complete);
            body.remove(missing);
            badRequest(body).jsonPath("$.errors[*].name").isEqualTo(List.of(missing));
            body.put(missing, null);
            badRequest(body).jsonPath("$.errors[*].name").isEqualTo(List.of(missing));
        }
        badRequest("{\"clientId\":\"agent-missing\",\"kind\":\"agent\",\"scopes\":[null],\"rateTier\":\"standard\","
                        + "\"agencies\":[\"H26.99\"]}")
                .jsonPath("$.errors[*].name")
                .isEqualTo(List.of("scopes"));

        assertThat(keyRows()).isEqualTo(before);
    }

    @Test
    void refusesALabelWithControlOrInvisibleCharacters() {
        long before = keyRows();

        for (String label : List.of("\u0000", "a\u0000b", "line\nbreak", "\u202Eevil", "\u200B")) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "clientId",
                    "agent-label",
                    "kind",
                    "agent",
                    "scopes",
                    List.of("dossiers:read"),
                    "rateTier",
                    "standard",
                    "agencies",
                    List.of("H26.99")));
            body.put("label", label);
            badRequest(body).jsonPath("$.errors[*].name").isEqualTo(List.of("label"));
        }

        assertThat(keyRows()).isEqualTo(before);
    }

    @Test
    void bindsAnAgentsKeyToTheAgenciesItFilesFor() {
        long before = keyRows();
        Map<String, Object> agent = new HashMap<>(Map.of(
                "clientId",
                "agent-agencies",
                "kind",
                "agent",
                "scopes",
                List.of("dossiers:write"),
                "rateTier",
                "standard"));
        badRequest(agent).jsonPath("$.errors[*].name").isEqualTo(List.of("agencies"));
        for (Object agencies : List.of(List.of(), List.of("h26.99"), List.of("H26.99; DROP"), "H26.99")) {
            agent.put("agencies", agencies);
            as(TestIdentityTokens.ops("staff-1"))
                    .post()
                    .uri(KEYS)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(agent)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
        Map<String, Object> system = Map.of(
                "clientId",
                "city-agencies",
                "kind",
                "system",
                "scopes",
                List.of("dossiers:write"),
                "rateTier",
                "system",
                "agencies",
                List.of("H26.99"));
        badRequest(system).jsonPath("$.errors[*].name").isEqualTo(List.of("agencies"));
        assertThat(keyRows()).isEqualTo(before);

        agent.put("agencies", List.of("H26.99", "H26.14"));
        Map<String, Object> created = as(TestIdentityTokens.ops("staff-1"))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(agent)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(created.get("agencies")).isEqualTo(List.of("H26.14", "H26.99"));
        as(TestIdentityTokens.gateway())
                .get()
                .uri("/internal/v1/api-keys/" + hasher.hash((String) created.get("apiKey")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.agencies")
                .isEqualTo(List.of("H26.14", "H26.99"));
    }

    @Test
    void refusesMalformedJson() {
        as(TestIdentityTokens.ops("staff-1"))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"clientId\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("body");
    }

    @Test
    void revokingAnUnknownKeyIs404() {
        as(TestIdentityTokens.ops("staff-1"))
                .delete()
                .uri(KEYS + "/7d3f4b1e-0000-4000-8000-000000000999")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(TestIdentityTokens.ops("staff-1"))
                .delete()
                .uri(KEYS + "/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void revokingABlankIdIsA400NamingIt() {
        for (String blank : List.of(" ", "%20", "\t")) {
            as(TestIdentityTokens.ops("staff-1"))
                    .delete()
                    .uri(KEYS + "/{id}", blank)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].name")
                    .isEqualTo("id");
        }
    }

    @Test
    void isForCenterStaffOnly() {
        as(TestIdentityTokens.citizen("012345678901"))
                .get()
                .uri(KEYS)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(TestIdentityTokens.agent("agent-x", List.of("dossiers:write")))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "clientId",
                        "sneaky",
                        "kind",
                        "system",
                        "scopes",
                        List.of("dossiers:read"),
                        "rateTier",
                        "system"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.get().uri(KEYS).exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.BodyContentSpec badRequest(Object body) {
        return as(TestIdentityTokens.ops("staff-1"))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://hcc.hanoi.gov.vn/problems/invalid-request");
    }

    private long keyRows() {
        return db.sql("SELECT count(*) AS n FROM api_key")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /** An agent's key files for H26.99, the city system's for every agency. */
    private Map<String, Object> create(String clientId, String kind, List<String> scopes, String tier) {
        Map<String, Object> body = new HashMap<>(
                Map.of("clientId", clientId, "kind", kind, "scopes", scopes, "rateTier", tier, "label", "test"));
        if ("agent".equals(kind)) {
            body.put("agencies", List.of("H26.99"));
        }
        return as(TestIdentityTokens.ops("staff-1"))
                .post()
                .uri(KEYS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/ops/api-keys/[0-9a-f-]{36}")
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
