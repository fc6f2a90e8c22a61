package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;
import vn.hanoi.hcc.bff.notification.NotificationEvent;

/**
 * The published contract, {@code docs/openapi.yaml}, is the document this code serves (OWASP API9: one
 * inventory, never a hand-kept copy), and what it says of the API keys' scopes is what the gateway
 * enforces ({@code hcc.gateway.api-keys.scope-rules}).
 */
class PublishedOpenApiTest extends BffIntegrationTest {

    static final String REGENERATE =
            "./mvnw -B -o -pl mobile-bff test -Dtest=PublishedOpenApiTest -Dhcc.openapi.write=true";

    private static final Path ROOT = Path.of(System.getProperty("hcc.config.dir", "config"))
            .toAbsolutePath()
            .getParent();
    private static final Path PUBLISHED = ROOT.resolve("docs/openapi.yaml");

    @Test
    void theCommittedDocumentIsTheOneTheCodeServes() throws IOException {
        String served = servedYaml();
        if (Boolean.getBoolean("hcc.openapi.write")) {
            Files.writeString(PUBLISHED, served, StandardCharsets.UTF_8);
        }
        assertThat(PUBLISHED)
                .as("docs/openapi.yaml; generate it with " + REGENERATE)
                .exists();
        Object committed = new Yaml().load(Files.readString(PUBLISHED, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        compare("", committed, new Yaml().load(served), differences);
        assertThat(differences)
                .as("docs/openapi.yaml differs from the document the code serves (first 20 differences below); "
                        + "if the change is intended, regenerate and commit it: " + REGENERATE)
                .isEmpty();
    }

    @Test
    void namesTheScopeTheGatewayEnforcesOnEveryAgentOperation() throws IOException {
        List<Map<String, String>> rules = gatewayScopeRules();
        Map<String, Map<String, Map<String, Object>>> paths = paths();
        List<String> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!path.startsWith("/api/v1/agent")) {
                return;
            }
            String enforced = rules.stream()
                    .filter(rule -> rule.get("method").equalsIgnoreCase(method) && matches(rule, path))
                    .map(rule -> rule.get("scope"))
                    .findFirst()
                    .orElse("no rule: refused by the gateway");
            operations.add(method + " " + path);
            assertThat(operation.get("x-required-scope"))
                    .as(method + " " + path + ": the document's scope against the gateway's rule")
                    .isEqualTo(enforced);
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(5);
        for (Map<String, String> rule : rules) {
            boolean documented = paths.entrySet().stream()
                    .anyMatch(path ->
                            path.getValue().containsKey(rule.get("method").toLowerCase())
                                    && matches(rule, path.getKey()));
            assertThat(documented)
                    .as("a gateway scope rule no operation needs: " + rule)
                    .isTrue();
        }
    }

    @Test
    void publishesThePushDataWithEveryEventTheAppCanReceive() {
        Map<String, Object> pushData = schema("PushData");
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                (Map<String, Object>) ((Map<String, Object>) pushData.get("properties")).get("event");
        assertThat(new TreeSet<>((List<?>) event.get("enum")))
                .isEqualTo(new TreeSet<>(Arrays.stream(NotificationEvent.values())
                        .map(Enum::name)
                        .toList()));
        assertThat(schema("WebhookPayload")).isNotNull();
    }

    private String servedYaml() {
        return web.get()
                .uri("/v3/api-docs.yaml")
                .header("Accept-Language", "en")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> paths() {
        Map<String, Object> document = new Yaml().load(servedYaml());
        return (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(String name) {
        Map<String, Object> document = new Yaml().load(servedYaml());
        return (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> gatewayScopeRules() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("config/gateway/application.yml")));
        Object rules = config;
        for (String key : List.of("hcc", "gateway", "api-keys", "scope-rules")) {
            rules = ((Map<String, Object>) rules).get(key);
        }
        List<Map<String, String>> list = (List<Map<String, String>>) rules;
        list.forEach(rule -> HttpMethod.valueOf(rule.get("method")));
        return list;
    }

    /** Whether the gateway's rule takes the document's path (its variables filled in). */
    private static boolean matches(Map<String, String> rule, String documentPath) {
        return new PathPatternParser()
                .parse(rule.get("path"))
                .matches(PathContainer.parsePath(documentPath.replaceAll("\\{[^}]+}", "x")));
    }

    /** Where two parsed documents differ, by path, at most 20. */
    private static void compare(String where, Object committed, Object served, List<String> differences) {
        if (differences.size() >= 20) {
            return;
        }
        if (committed instanceof Map<?, ?> left && served instanceof Map<?, ?> right) {
            TreeSet<String> keys = new TreeSet<>();
            left.keySet().forEach(key -> keys.add(String.valueOf(key)));
            right.keySet().forEach(key -> keys.add(String.valueOf(key)));
            for (String key : keys) {
                compare(where + "/" + key, left.get(key), right.get(key), differences);
            }
        } else if (committed instanceof List<?> left
                && served instanceof List<?> right
                && left.size() == right.size()) {
            for (int i = 0; i < left.size(); i++) {
                compare(where + "/" + i, left.get(i), right.get(i), differences);
            }
        } else if (!Objects.equals(committed, served)) {
            differences.add(where + ": committed " + abbreviated(committed) + ", served " + abbreviated(served));
        }
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
