package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiTest extends BffIntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** What the operations the contract drill caught undeclared really answer on success. */
    private static final Map<String, Set<String>> SUCCESS = Map.ofEntries(
            Map.entry("get /api/v1/coverage", Set.of("200")),
            Map.entry("post /api/v1/coverage/what-if", Set.of("200")),
            Map.entry("post /api/v1/coverage/suggestions", Set.of("200")),
            Map.entry("get /api/v1/coverage/map.svg", Set.of("200")),
            Map.entry("post /api/v1/agent/events:batch", Set.of("200")),
            Map.entry("get /api/v1/agent/dossiers", Set.of("200")),
            Map.entry("get /api/v1/me/dossiers", Set.of("200")),
            Map.entry("get /api/v1/me/dossiers/{code}", Set.of("200")),
            Map.entry("get /api/v1/ops/dossiers/at-risk", Set.of("200")),
            Map.entry("put /api/v1/me/dossiers/{code}/reminders", Set.of("200")),
            Map.entry("get /api/v1/me/notifications", Set.of("200")),
            Map.entry("get /api/v1/ops/holidays", Set.of("200")),
            Map.entry("put /api/v1/ops/holidays/{date}", Set.of("200", "201")),
            Map.entry("put /api/v1/ops/points/{id}", Set.of("200", "201")),
            Map.entry("get /api/v1/ops/push-messages", Set.of("200")),
            Map.entry("get /api/v1/ops/webhook-messages", Set.of("200")),
            Map.entry("post /api/v1/ops/api-keys", Set.of("201")),
            Map.entry("delete /api/v1/ops/api-keys/{id}", Set.of("204")));

    /** Fields that are null in real answers (an address not published, a key never revoked). */
    private static final Map<String, List<String>> NULLABLE = Map.of(
            "PointResponse", List.of("address", "note", "wardName", "branchGroup"),
            "Nearby", List.of("address"),
            "PointView", List.of("address"),
            "ApiKeyResponse", List.of("label", "revokedAt"),
            "CreatedApiKeyResponse", List.of("label"));

    @Test
    void publishesAnOpenApi3DocumentOfThePublicApi() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .value(version -> org.assertj.core.api.Assertions.assertThat((String) version)
                        .startsWith("3."))
                .jsonPath("$.info.title")
                .isEqualTo("HCC Hanoi mobile API")
                .jsonPath("$.paths['/api/v1/points'].get.parameters[?(@.name == 'type')]")
                .exists()
                .jsonPath("$.paths['/api/v1/points/{id}'].get.responses['404']")
                .exists()
                .jsonPath("$.components.schemas.Problem")
                .exists()
                .jsonPath("$.paths['/api/v1/agent/dossiers'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/dossiers/lookup'].post")
                .exists()
                .jsonPath("$.components.securitySchemes.apiKey.name")
                .isEqualTo("X-Api-Key");
    }

    @Test
    void describesTheForecastOfRunningDossiers() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.schemas.ExpectedCompletion.properties.lateBoundAt")
                .exists()
                .jsonPath("$.components.schemas.ExpectedCompletion.properties.basis")
                .exists()
                .jsonPath("$.components.schemas.SummaryView.properties.forecast")
                .exists()
                .jsonPath("$.components.schemas.DetailView.properties.forecast")
                .exists()
                .jsonPath("$.components.schemas.PublicView.properties.forecast")
                .exists()
                .jsonPath("$.paths['/api/v1/ops/dossiers/at-risk'].get.responses['400']")
                .exists();
    }

    @Test
    void namesTheCredentialOfEachAgentOperationAndOfTheWhatIf() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/agent/dossiers'].post.security[0].apiKey[0]")
                .isEqualTo("dossiers:write")
                .jsonPath("$.paths['/api/v1/agent/dossiers'].get.security[0].apiKey[0]")
                .isEqualTo("dossiers:read")
                .jsonPath("$.paths['/api/v1/agent/dossiers/{code}/events'].post.security[0].apiKey[0]")
                .isEqualTo("dossiers:write")
                .jsonPath("$.paths['/api/v1/agent/events:batch'].post.security[0].apiKey[0]")
                .isEqualTo("dossiers:write")
                .jsonPath("$.paths['/api/v1/coverage/what-if'].post.security[0].bearer")
                .exists()
                .jsonPath("$.paths['/api/v1/coverage'].get.security")
                .doesNotExist();
    }

    @Test
    void servesTheDocumentInEitherLanguageWithoutBuildingItOnAnEventLoop() {
        web.get()
                .uri("/v3/api-docs")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/v3/api-docs")
                .header("Accept-Language", "vi")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void hidesTheCallerParameterAndTheInternalApi() {
        String document = web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        org.assertj.core.api.Assertions.assertThat(document).doesNotContain("\"caller\"", "/internal/");
    }

    @Test
    void declaresTheSuccessAndEveryErrorEachOperationAnswers() {
        JsonNode paths = document().get("paths");
        List<String> missing = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode operation = paths.get(path).get(method);
                String name = method + " " + path;
                seen.add(name);
                Set<String> declared = new TreeSet<>(operation.get("responses").propertyNames());
                for (String status : expectedStatuses(name, operation)) {
                    if (!declared.contains(status)) {
                        missing.add(name + " " + status);
                    }
                }
                if (declared.stream().noneMatch(status -> status.startsWith("2"))) {
                    missing.add(name + " 2xx");
                }
                for (String status : declared) {
                    JsonNode content = operation.get("responses").get(status).get("content");
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(content.has("application/problem+json"))
                                .as(name + " " + status)
                                .isTrue();
                    } else if (!"204".equals(status)) {
                        assertThat(content)
                                .as(name + " " + status + " has a body")
                                .isNotNull();
                    }
                }
            }
        }
        assertThat(seen).containsAll(SUCCESS.keySet());
        assertThat(missing).isEmpty();
    }

    /** The success the operation answers, and the errors every operation of its kind can answer. */
    private static Set<String> expectedStatuses(String name, JsonNode operation) {
        Set<String> expected = new TreeSet<>(SUCCESS.getOrDefault(name, Set.of()));
        boolean takesInput = operation.has("requestBody")
                || (operation.has("parameters") && !operation.get("parameters").isEmpty());
        if (takesInput) {
            expected.add("400");
        }
        if (operation.has("security") && !operation.get("security").isEmpty()) {
            expected.addAll(List.of("401", "403"));
        }
        expected.add("503");
        return expected;
    }

    @Test
    void declaresTheFieldsThatCanBeNullAsNullable() {
        JsonNode schemas = document().get("components").get("schemas");
        NULLABLE.forEach((schema, fields) -> fields.forEach(field -> {
            JsonNode property = schemas.get(schema).get("properties").get(field);
            assertThat(property).as(schema + "." + field).isNotNull();
            List<String> types = new ArrayList<>();
            property.get("type").forEach(type -> types.add(type.asString()));
            assertThat(types).as(schema + "." + field).contains("string", "null");
        }));
    }

    @Test
    void saysWhichNestedObjectsMayBeNull() {
        JsonNode schemas = document().get("components").get("schemas");
        for (String schema : List.of("SummaryView", "DetailView")) {
            JsonNode property = schemas.get(schema).get("properties").get("requiredAction");
            assertThat(property.has("$ref"))
                    .as(schema + ".requiredAction beside a $ref")
                    .isFalse();
            assertThat(property.get("anyOf").toString())
                    .as(schema + ".requiredAction")
                    .contains("#/components/schemas/ActionView", "{\"type\":\"null\"}");
        }
    }

    @Test
    void describesThePointRecordAndTheOptionThatAddsIt() {
        JsonNode document = document();
        for (String path : List.of("/api/v1/points", "/api/v1/points/nearest")) {
            List<String> names = new ArrayList<>();
            document.get("paths")
                    .get(path)
                    .get("get")
                    .get("parameters")
                    .forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).as(path).contains("record");
        }
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.get("PointRecord").get("properties").propertyNames())
                .contains("windowFrom", "windowTo", "received", "timeliness", "satisfaction");
        assertThat(schemas.get("PointTimeliness")
                        .get("properties")
                        .get("medianWorkingDays")
                        .get("type")
                        .toString())
                .contains("null");
        assertThat(schemas.get("PointResponse").get("properties").has("record")).isTrue();
    }

    @Test
    void givesEveryParameterAnExampleOfItsOwnType() {
        JsonNode nearest = document().get("paths").get("/api/v1/points/nearest").get("get");
        for (JsonNode parameter : nearest.get("parameters")) {
            JsonNode example = parameter.has("example")
                    ? parameter.get("example")
                    : parameter.get("schema").get("example");
            if (example == null) {
                continue;
            }
            JsonNode type = parameter.get("schema").get("type");
            String declared = type.isArray() ? type.get(0).asString() : type.asString();
            assertThat(example.isNumber() ? "number" : "string")
                    .as(parameter.get("name").asString())
                    .isEqualTo(declared);
        }
    }

    private JsonNode document() {
        byte[] body = web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }
}
