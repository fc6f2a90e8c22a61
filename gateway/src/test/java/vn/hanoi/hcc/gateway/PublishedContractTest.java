package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

/**
 * The published contract ({@code docs/openapi.yaml}): served by the gateway itself to anyone, rate-limited,
 * and what it says each operation needs is what the gateway's security asks of a caller.
 */
class PublishedContractTest extends SharedFakeBffTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void servesTheDocumentToAnyoneAsYamlAndJson() throws IOException {
        byte[] yaml = web.get()
                .uri("/api/v1/openapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectHeader()
                .exists("RateLimit-Remaining")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(yaml).isEqualTo(published());

        web.get()
                .uri("/api/v1/openapi.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi")
                .isEqualTo("3.1.0")
                .jsonPath("$.paths['/api/v1/agent/dossiers'].post['x-required-scope']")
                .isEqualTo("dossiers:write");
        assertThat(bff.received()).noneMatch(request -> request.header(":uri").contains("openapi"));
    }

    @Test
    void refusesAnyOtherMethodAndAnyOtherName() {
        web.post()
                .uri("/api/v1/openapi.yaml")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405);
        web.get().uri("/api/v1/openapi.yml").exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesAnInvalidTokenEvenOnThePublicDocument() {
        web.get()
                .uri("/api/v1/openapi.json")
                .headers(headers -> headers.setBearerAuth("not-a-token"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /**
     * Every operation of the document, called through the gateway: one without credentials is refused
     * (401) exactly when the document names a security scheme; a person without the role it names, or a
     * key without the scope it names, is refused (403); with them, the request reaches the BFF.
     */
    @Test
    @SuppressWarnings("unchecked")
    void asksEachOperationForTheCredentialTheDocumentNames() throws IOException {
        Map<String, Object> document = new Yaml().load(new String(published(), StandardCharsets.UTF_8));
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                n++;
                HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase());
                String uri = path.getKey().replaceAll("\\{[^}]+}", "x1");
                Map<String, Object> operation = entry.getValue();
                List<Map<String, List<String>>> security =
                        (List<Map<String, List<String>>>) operation.getOrDefault("security", List.of());
                String name = method + " " + path.getKey();
                WebTestClient client = from(randomIp());
                expect(
                        wrong,
                        name + " without credentials",
                        call(client, method, uri, null, null),
                        security.isEmpty() ? "routed" : "401");
                if (security.isEmpty()) {
                    continue;
                }
                Map<String, List<String>> requirement = security.get(0);
                if (requirement.containsKey("bearer")) {
                    List<String> roles = requirement.get("bearer");
                    String subject = "contract-" + n;
                    expect(
                            wrong,
                            name + " as a citizen",
                            call(client, method, uri, idp.token(subject, "citizen"), null),
                            roles.isEmpty() ? "routed" : "403");
                    expect(
                            wrong,
                            name + " with its roles",
                            call(client, method, uri, idp.token(subject, roles.toArray(String[]::new)), null),
                            "routed");
                } else {
                    List<String> scopes = requirement.get("apiKey");
                    expect(
                            wrong,
                            name + " with a key of another scope",
                            call(
                                    client,
                                    method,
                                    uri,
                                    null,
                                    TestApiKeys.agent(bff, "contract-other-" + n, "standard", "other:scope")),
                            "403");
                    expect(
                            wrong,
                            name + " with its scope",
                            call(
                                    client,
                                    method,
                                    uri,
                                    null,
                                    TestApiKeys.agent(bff, "contract-" + n, "standard", scopes.toArray(String[]::new))),
                            "routed");
                }
            }
        }
        assertThat(n).isGreaterThan(30);
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, String what, int status, String expected) {
        boolean routed = status == 200 || status == 201;
        boolean right =
                "routed".equals(expected) ? routed : Integer.toString(status).equals(expected);
        if (!right) {
            wrong.add(what + ": " + status + ", expected " + expected);
        }
    }

    private static int call(WebTestClient client, HttpMethod method, String uri, String token, String apiKey) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token));
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        return request.exchange().returnResult(byte[].class).getStatus().value();
    }

    private static byte[] published() throws IOException {
        try (InputStream in = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
            return in.readAllBytes();
        }
    }
}
