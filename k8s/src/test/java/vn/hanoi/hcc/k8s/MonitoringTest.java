package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What production's monitoring is made of, as rendered: a PodMonitor per app on a port its pods
 * really name and the network policy opens to the monitoring namespace, the dashboard as a
 * ConfigMap Grafana's sidecar loads, and a runbook page behind every alert.
 */
class MonitoringTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path RUNBOOKS =
            MODULE.resolveSibling("docs").resolve("runbooks").toAbsolutePath().normalize();
    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();

    private List<K8sObject> objects;

    @BeforeEach
    void renderProduction() throws Exception {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
        objects = KUSTOMIZE.orElseThrow().render(MODULE.resolve("overlays").resolve("prod"));
    }

    @Test
    void scrapesEveryPodOfBothAppsOnTheirManagementPort() {
        for (String app : List.of("gateway", "mobile-bff")) {
            YamlNode monitor = one("PodMonitor", app).body();
            assertThat(monitor.at("spec", "selector", "matchLabels", "app.kubernetes.io/name")
                            .text())
                    .isEqualTo(app);
            YamlNode endpoint =
                    monitor.at("spec", "podMetricsEndpoints").items().get(0);
            assertThat(endpoint.at("path").text()).isEqualTo("/actuator/prometheus");
            String port = endpoint.at("port").text();
            YamlNode container =
                    one("Deployment", app).podSpec().at("containers").items().get(0);
            assertThat(container.at("ports").items())
                    .as("the port the PodMonitor scrapes is named on %s's container", app)
                    .anyMatch(p -> port.equals(p.at("name").text()));
        }
    }

    @Test
    void scrapesTheConnectionPoolersExporter() {
        YamlNode monitor = one("PodMonitor", "hcc-db-pooler").body();
        String pooler = one("Pooler", "hcc-db-pooler").name();
        assertThat(monitor.at("spec", "selector", "matchLabels", "cnpg.io/poolerName")
                        .text())
                .isEqualTo(pooler);
        assertThat(monitor.at("spec", "podMetricsEndpoints")
                        .items()
                        .get(0)
                        .at("port")
                        .text())
                .isEqualTo("metrics");
    }

    @Test
    void shipsTheDashboardForGrafanasSidecar() {
        K8sObject map = one("ConfigMap", "hcc-grafana-dashboard");
        assertThat(map.body().at("metadata", "labels", "grafana_dashboard").text())
                .isEqualTo("1");
        YamlNode dashboard = new YamlNode(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(map.body().at("data", "hcc-mobile-backend.json").text()));
        assertThat(dashboard.at("uid").text()).isEqualTo("hcc-mobile-backend");
        String queries = String.valueOf(dashboard.at("panels").value());
        assertThat(queries)
                .contains(
                        "hcc_gateway_requests_seconds_bucket",
                        "hcc_gateway_rate_limit_total",
                        "resilience4j_circuitbreaker_state",
                        "hcc_outbox_pending",
                        "hcc_outbox_oldest_age_seconds",
                        "hcc_push_dead_lettered_total",
                        "hcc_push_messages_total",
                        "r2dbc_pool_acquired_connections");
    }

    @Test
    void linksEveryAlertToARunbookPageThatExists() {
        List<YamlNode> rules = one("PrometheusRule", "hcc-alerts").body().at("spec", "groups").items().stream()
                .flatMap(group -> group.at("rules").items().stream())
                .toList();
        assertThat(rules).isNotEmpty();
        for (YamlNode rule : rules) {
            String url = rule.at("annotations", "runbook_url").text();
            assertThat(url).as("runbook_url of %s", rule.at("alert").text()).isNotNull();
            Path page = RUNBOOKS.resolve(url.substring(url.lastIndexOf('/') + 1));
            assertThat(Files.isRegularFile(page))
                    .as("%s's runbook %s exists", rule.at("alert").text(), page)
                    .isTrue();
        }
    }

    private K8sObject one(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.kind()) && o.name().startsWith(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + "*"));
    }
}
