package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The road graph as each overlay deploys it: the weekly job's steps and what they run, the volume
 * the BFF reads the graph from, the job's one permission, and the memory both are given from the
 * one projected figure of the graph's heap (base/road-graph-memory.yaml).
 */
class RoadGraphTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mg])");

    /** Heap a BFF needs to serve without the graph: 60 % of the measured 1 GiB (k8s/README.md, "Sizing"). */
    private static final int SERVING_HEAP_MIB = 614;

    @BeforeEach
    void needsKubectl() {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
    }

    private record Rendered(List<K8sObject> objects) {

        K8sObject find(String kind, String name) {
            return objects.stream()
                    .filter(o -> kind.equals(o.kind()) && o.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
        }

        YamlNode step(String name) {
            return find("CronJob", "road-graph").allContainers().stream()
                    .filter(c -> name.equals(c.at("name").text()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + name));
        }

        YamlNode bff() {
            return find("Deployment", "mobile-bff")
                    .podSpec()
                    .at("containers")
                    .items()
                    .get(0);
        }
    }

    private static Rendered render(String overlay) throws Exception {
        return new Rendered(
                KUSTOMIZE.orElseThrow().render(MODULE.resolve("overlays").resolve(overlay)));
    }

    private static List<String> texts(YamlNode list) {
        return list.items().stream().map(YamlNode::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void buildsWeeklyOneRunAtATimeWithTheBffsOwnImageIntoAStagingDirectoryItThenActivates(String overlay)
            throws Exception {
        Rendered rendered = render(overlay);
        K8sObject job = rendered.find("CronJob", "road-graph");
        assertThat(job.body().at("spec", "schedule").text()).isEqualTo("0 3 * * 0");
        assertThat(job.body().at("spec", "concurrencyPolicy").text()).isEqualTo("Forbid");
        assertThat(job.podSpec().at("initContainers").items())
                .extracting(c -> c.at("name").text())
                .containsExactly("download", "cut", "import", "activate");
        assertThat(job.podSpec().at("containers").items())
                .extracting(c -> c.at("name").text())
                .containsExactly("restart");

        YamlNode imports = rendered.step("import");
        assertThat(imports.at("image").text())
                .isEqualTo(rendered.bff().at("image").text())
                .startsWith("registry.hcc.hanoi.gov.vn/hcc/mobile-bff:");
        List<String> command = texts(imports.at("command"));
        assertThat(command)
                .containsSequence(
                        "-cp", "/app/resources:/app/classes:/app/libs/*", "vn.hanoi.hcc.bff.routing.GraphImport")
                .endsWith("/work/city.osm.pbf", "/graph/.incoming-$(POD_NAME)");
        assertThat(texts(rendered.step("activate").at("command"))).endsWith(".incoming-$(POD_NAME)");
        assertThat(K8sObject.env(rendered.step("download"), "OSM_EXTRACT_URL"))
                .isEqualTo("https://download.geofabrik.de/asia/vietnam-latest.osm.pbf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shipsTheBoundaryAndTheStepsVerbatim(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        K8sObject job = rendered.find("CronJob", "road-graph");
        for (String map : List.of("road-graph-boundary", "road-graph-scripts")) {
            K8sObject configMap = rendered.objects().stream()
                    .filter(o -> "ConfigMap".equals(o.kind()) && o.name().startsWith(map + "-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(job.podSpec().at("volumes").items())
                    .anyMatch(v ->
                            configMap.name().equals(v.at("configMap", "name").text()));
            for (var file : configMap.body().at("data").entries().entrySet()) {
                assertThat(file.getValue().text())
                        .isEqualTo(Files.readString(ScriptRun.SCRIPTS.resolve(file.getKey())));
            }
        }
        assertThat(rendered.step("cut").at("volumeMounts").items())
                .anyMatch(m -> "/boundary".equals(m.at("mountPath").text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theBffReadsTheJobsVolumeReadOnlyAndNeverImports(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        assertThat(texts(rendered.find("PersistentVolumeClaim", "road-graph")
                        .body()
                        .at("spec", "accessModes")))
                .containsExactly("ReadWriteMany");
        YamlNode bffVolume = volume(rendered.find("Deployment", "mobile-bff"), "road-graph");
        assertThat(bffVolume.at("readOnly").isTrue()).isTrue();
        assertThat(rendered.bff().at("volumeMounts").items())
                .anyMatch(m -> "road-graph".equals(m.at("name").text())
                        && "/var/lib/hcc/graph".equals(m.at("mountPath").text())
                        && m.at("readOnly").isTrue()
                        && !m.at("subPath").present());
        assertThat(K8sObject.env(rendered.bff(), "HCC_GRAPH_DIR")).isEqualTo("/var/lib/hcc/graph/current");
        assertThat(K8sObject.env(rendered.bff(), "HCC_OSM_FILE")).isEmpty();
        assertThat(volume(rendered.find("CronJob", "road-graph"), "graph")
                        .at("claimName")
                        .text())
                .isEqualTo(bffVolume.at("claimName").text());
        assertThat(rendered.step("activate").at("volumeMounts").items())
                .anyMatch(m -> "/graph".equals(m.at("mountPath").text())
                        && !m.at("readOnly").isTrue());
    }

    private static YamlNode volume(K8sObject workload, String name) {
        return workload.podSpec().at("volumes").items().stream()
                .filter(v -> name.equals(v.at("name").text()))
                .findFirst()
                .orElseThrow()
                .at("persistentVolumeClaim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mayPatchTheBffsDeploymentAndNothingElseFromTheRestartStepOnly(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        List<YamlNode> rules = rendered.find("Role", "road-graph-restarts-mobile-bff")
                .body()
                .at("rules")
                .items();
        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(texts(rule.at("apiGroups"))).containsExactly("apps");
            assertThat(texts(rule.at("resources"))).containsExactly("deployments");
            assertThat(texts(rule.at("resourceNames"))).containsExactly("mobile-bff");
            assertThat(texts(rule.at("verbs"))).containsExactly("patch");
        });
        YamlNode binding =
                rendered.find("RoleBinding", "road-graph-restarts-mobile-bff").body();
        assertThat(binding.at("subjects").items())
                .singleElement()
                .satisfies(s -> assertThat(s.at("name").text()).isEqualTo("road-graph"));
        K8sObject job = rendered.find("CronJob", "road-graph");
        assertThat(job.podSpec().at("serviceAccountName").text()).isEqualTo("road-graph");
        assertThat(job.allContainers())
                .filteredOn(c -> c.at("volumeMounts").items().stream()
                        .anyMatch(m -> "kube-api".equals(m.at("name").text())))
                .extracting(c -> c.at("name").text())
                .containsExactly("restart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void sizesTheBffAndTheImportFromTheOneFigureOfTheGraphsHeap(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        int graph = mebibytes(rendered.find("Deployment", "mobile-bff")
                .body()
                .at("metadata", "annotations", "hcc.hanoi.gov.vn/road-graph-heap")
                .text());

        int bffHeap = heap(rendered.bff());
        assertThat(bffHeap)
                .as("the BFF's -Xmx: %d MiB serving + the graph's %d MiB", SERVING_HEAP_MIB, graph)
                .isEqualTo(SERVING_HEAP_MIB + graph);
        assertThat(memory(rendered.bff()))
                .as("the BFF's memory: its heap + 410 MiB + a tenth of the heap, at least")
                .isGreaterThanOrEqualTo(bffHeap + 410 + bffHeap / 10);

        YamlNode imports = rendered.step("import");
        int importHeap = heap(imports);
        assertThat(importHeap)
                .as("the import's -Xmx: 3x the graph's %d MiB", graph)
                .isGreaterThanOrEqualTo(3 * graph);
        assertThat(memory(imports))
                .as("the import's memory: its heap + 256 MiB + a tenth of the heap, at least")
                .isGreaterThanOrEqualTo(importHeap + 256 + importHeap / 10);
    }

    private static int heap(YamlNode container) {
        Matcher xmx = XMX.matcher(String.valueOf(K8sObject.env(container, "JDK_JAVA_OPTIONS")));
        assertThat(xmx.find())
                .as("-Xmx in JDK_JAVA_OPTIONS of " + container.at("name").text())
                .isTrue();
        return Integer.parseInt(xmx.group(1)) * ("g".equals(xmx.group(2)) ? 1024 : 1);
    }

    /** The container's memory limit, in MiB, after checking that it is requested in full. */
    private static int memory(YamlNode container) {
        String limit = container.at("resources", "limits", "memory").text();
        assertThat(container.at("resources", "requests", "memory").text()).isEqualTo(limit);
        return mebibytes(limit);
    }

    private static int mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("a quantity in Mi or Gi: " + quantity).isTrue();
        return Integer.parseInt(m.group(1)) * ("Gi".equals(m.group(2)) ? 1024 : 1);
    }
}
