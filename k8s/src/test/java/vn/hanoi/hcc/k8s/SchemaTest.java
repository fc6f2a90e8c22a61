package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.k8s.RenderedOverlays.list;
import static vn.hanoi.hcc.k8s.RenderedOverlays.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered object of both overlays against the API schema of its kind (SchemaCheck: Kubernetes
 * 1.32 and the Prometheus Operator's CRDs), then proof that the check bites: an unknown field, a wrong
 * type and a misspelled field injected into rendered objects, each reported with the object and the
 * path.
 */
class SchemaTest {

    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();

    @BeforeEach
    void needsKubectl() {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
    }

    private static List<K8sObject> render(String overlay) throws Exception {
        return RenderedOverlays.render(KUSTOMIZE.orElseThrow(), overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectMatchesTheSchemaOfItsKind(String overlay) throws Exception {
        assertThat(new SchemaCheck(render(overlay)).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyCloudNativePgsKindsAreLeftToItsOwnModel(String overlay) throws Exception {
        // Exactly those (CloudNativePgSchemaTest checks them): any other kind without a schema is a
        // violation, and a kind the model names but no overlay renders fails here.
        assertThat(new SchemaCheck(render(overlay)).unchecked()).isEqualTo(CloudNativePgModel.kinds());
    }

    @Test
    void aKindWithoutASchemaIsAViolation() throws Exception {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("apiVersion", "example.com/v1");
        widget.put("kind", "Widget");
        widget.put("metadata", Map.of("name", "w"));

        assertThat(violationsWith(K8sObject.of(new YamlNode(widget))))
                .containsExactly("Widget/w: no schema for example.com/v1 Widget");
    }

    @Test
    void refusesAnUnknownFieldInACoreKind() throws Exception {
        K8sObject gateway = rendered("Deployment", "gateway");
        container(gateway).put("sidecar", true);

        assertThat(violationsWith(gateway))
                .containsExactly("Deployment/gateway: spec.template.spec.containers[0].sidecar: unknown field"
                        + " (Container has no such field)");
    }

    @Test
    void refusesAWrongTypeInACoreKind() throws Exception {
        K8sObject gateway = rendered("Deployment", "gateway");
        map(list(container(gateway), "ports").get(0)).put("containerPort", "8080");
        map(gateway.body().at("spec").value()).put("paused", "no");

        assertThat(violationsWith(gateway))
                .containsExactlyInAnyOrder(
                        "Deployment/gateway: spec.template.spec.containers[0].ports[0].containerPort:"
                                + " expected an integer, found String 8080",
                        "Deployment/gateway: spec.paused: expected a boolean, found String no");
    }

    @Test
    void refusesAMisspelledFieldInACoreKind() throws Exception {
        K8sObject gateway = rendered("Deployment", "gateway");
        Map<String, Object> container = container(gateway);
        container.put("readinesProbe", container.remove("readinessProbe"));

        assertThat(violationsWith(gateway))
                .containsExactly("Deployment/gateway: spec.template.spec.containers[0].readinesProbe: unknown field"
                        + " (Container has no such field)");
    }

    @Test
    void refusesAnUnknownFieldAWrongTypeAndAMisspellingInThePrometheusOperatorsKinds() throws Exception {
        K8sObject alerts = rendered("PrometheusRule", "hcc-alerts");
        Map<String, Object> group =
                map(list(map(alerts.body().at("spec").value()), "groups").get(0));
        Map<String, Object> rule = map(list(group, "rules").get(0));
        rule.put("severity", "critical");
        group.put("interval", 30);
        K8sObject monitor = rendered("PodMonitor", "gateway");
        Map<String, Object> endpoint = map(list(map(monitor.body().at("spec").value()), "podMetricsEndpoints")
                .get(0));
        endpoint.put("paths", endpoint.remove("path"));

        assertThat(violationsWith(alerts, monitor))
                .containsExactlyInAnyOrder(
                        "PrometheusRule/hcc-alerts: spec.groups[0].rules[0].severity: unknown field (Rule has no such field)",
                        "PrometheusRule/hcc-alerts: spec.groups[0].interval: expected a string, found Integer 30",
                        "PodMonitor/gateway: spec.podMetricsEndpoints[0].paths: unknown field"
                                + " (PodMetricsEndpoint has no such field)");
    }

    /** The violations of prod with these objects in place of the rendered ones of the same name. */
    private static List<String> violationsWith(K8sObject... changed) throws Exception {
        return new SchemaCheck(RenderedOverlays.with(KUSTOMIZE.orElseThrow(), "prod", changed)).violations();
    }

    /** A freshly rendered prod object, to change. */
    private static K8sObject rendered(String kind, String name) throws Exception {
        return RenderedOverlays.render(KUSTOMIZE.orElseThrow(), "prod", kind, name);
    }

    private static Map<String, Object> container(K8sObject workload) {
        return map(workload.podSpec().at("containers").items().get(0).value());
    }
}
