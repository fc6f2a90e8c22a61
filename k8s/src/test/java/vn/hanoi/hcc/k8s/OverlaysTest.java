package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks what a cluster would receive:
 * the production rules (ManifestRules), the configuration generated from config/, the variables
 * the prod profile needs, and the database the BFF is pointed at. Skipped, saying why, where
 * kubectl is absent (CI has it).
 */
class OverlaysTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path CONFIG =
            MODULE.resolveSibling("config").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(HCC_[A-Z0-9_]+)(:[^}]*)?}");
    private static final String APPS = "gateway,mobile-bff";

    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();

    /** Each test, not the class, is skipped: the report then counts and explains every one. */
    @BeforeEach
    void needsKubectl() {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
    }

    private static List<K8sObject> render(String overlay) throws Exception {
        return KUSTOMIZE.orElseThrow().render(MODULE.resolve("overlays").resolve(overlay));
    }

    private static K8sObject find(List<K8sObject> objects, String kind, String namePrefix) {
        return objects.stream()
                .filter(o -> kind.equals(o.kind()) && o.name().startsWith(namePrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + namePrefix + "*"));
    }

    private static YamlNode container(List<K8sObject> objects, String app) {
        return find(objects, "Deployment", app)
                .podSpec()
                .at("containers")
                .items()
                .get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void meetsEveryProductionRule(String overlay) throws Exception {
        assertThat(new ManifestRules(render(overlay)).violations()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void alertsInProductionOnRefusedPushCredentialsDeadLettersAndAMissingOrStaleRoadGraph() throws Exception {
        String rules = String.valueOf(
                find(render("prod"), "PrometheusRule", "hcc-alerts").body().value());

        assertThat(rules)
                .contains(
                        "hcc_push_auth_failures_total",
                        "hcc_push_dead_lettered_total",
                        "hcc_webhook_dead_lettered_total",
                        "hcc_gateway_requests_seconds_count",
                        "hcc_travel_road_graph_nodes == 0",
                        "kube_cronjob_status_last_successful_time{cronjob=\"road-graph\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mountsTheFilesOfConfigVerbatimAsEachAppsConfigMap(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        for (String app : APPS.split(",")) {
            K8sObject map = find(objects, "ConfigMap", app + "-config-");
            for (String file : List.of("application.yml", "application-prod.yml")) {
                assertThat(map.body().at("data", file).text())
                        .isEqualTo(Files.readString(CONFIG.resolve(app).resolve(file)));
            }
            K8sObject deployment = find(objects, "Deployment", app);
            assertThat(deployment.podSpec().at("volumes").items())
                    .anyMatch(v -> map.name().equals(v.at("configMap", "name").text()));
            assertThat(K8sObject.env(container(objects, app), "SPRING_CONFIG_ADDITIONAL_LOCATION"))
                    .isEqualTo("file:/config/");
            assertThat(K8sObject.env(container(objects, app), "SPRING_PROFILES_ACTIVE"))
                    .isEqualTo("prod");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void setsEveryVariableTheProdProfileCannotDoWithout(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        for (String app : APPS.split(",")) {
            Set<String> names = container(objects, app).at("env").items().stream()
                    .map(e -> e.at("name").text())
                    .collect(Collectors.toSet());
            assertThat(names).as(app).containsAll(requiredVariables(app));
        }
    }

    /** The HCC_ placeholders without a default in the app's common and prod files, unless prod gives one. */
    private static Set<String> requiredVariables(String app) throws Exception {
        String common = Files.readString(CONFIG.resolve(app).resolve("application.yml"));
        String prod = Files.readString(CONFIG.resolve(app).resolve("application-prod.yml"));
        Set<String> defaultedInProd = placeholders(prod, true);
        Set<String> required = placeholders(common + prod, false);
        required.removeAll(defaultedInProd);
        return required;
    }

    private static Set<String> placeholders(String yaml, boolean withDefault) {
        Matcher matcher = PLACEHOLDER.matcher(yaml);
        Set<String> found = new java.util.TreeSet<>();
        while (matcher.find()) {
            if ((matcher.group(2) != null) == withDefault) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pointsTheBffAtThePoolerAndItsMigrationsAtTheReadWriteServiceWithTheOperatorsCredentials(String overlay)
            throws Exception {
        List<K8sObject> objects = render(overlay);
        YamlNode bff = container(objects, "mobile-bff");
        assertThat(find(objects, "Cluster", "hcc-db").name()).isEqualTo("hcc-db");
        assertThat(K8sObject.env(bff, "HCC_DB_HOST"))
                .isEqualTo(find(objects, "Pooler", "hcc-db").name());
        assertThat(K8sObject.env(bff, "HCC_DB_MIGRATION_HOST")).isEqualTo("hcc-db-rw");
        assertThat(bff.at("env").items())
                .filteredOn(e -> e.at("name").text().matches("HCC_DB_(NAME|USER|PASSWORD)"))
                .hasSize(3)
                .allMatch(e -> "hcc-db-app"
                        .equals(e.at("valueFrom", "secretKeyRef", "name").text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void runsThreePostgresInstancesWithContinuousBackups(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        YamlNode cluster = find(objects, "Cluster", "hcc-db").body();
        assertThat(cluster.at("spec", "instances").text()).isEqualTo("3");
        assertThat(cluster.at("spec", "plugins").items())
                .anyMatch(p -> p.at("isWALArchiver").isTrue()
                        && "hcc-db-backups"
                                .equals(p.at("parameters", "barmanObjectName").text()));
        assertThat(find(objects, "ObjectStore", "hcc-db-backups")
                        .body()
                        .at("spec", "configuration", "destinationPath")
                        .text())
                .startsWith("s3://");
        YamlNode backup = find(objects, "ScheduledBackup", "hcc-db").body();
        assertThat(backup.at("spec", "cluster", "name").text()).isEqualTo("hcc-db");
        // six fields, in UTC: the backup starts in Hanoi's night, not in its morning peak
        String[] cron = backup.at("spec", "schedule").text().split(" ");
        int hanoiHour = (Integer.parseInt(cron[2]) + 7) % 24;
        assertThat(hanoiHour).as("the backup's hour in Hanoi").isBetween(0, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void givesBothAppsRedisByOneUrlOnly(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        for (String app : List.of("mobile-bff", "gateway")) {
            YamlNode container = container(objects, app);
            assertThat(container.at("env").items())
                    .as(app)
                    .anyMatch(e -> "HCC_REDIS_URL".equals(e.at("name").text())
                            && "hcc-redis"
                                    .equals(e.at("valueFrom", "secretKeyRef", "name")
                                            .text()));
            assertThat(container.at("env").items())
                    .as(app)
                    .noneMatch(e -> e.at("name").text().startsWith("SPRING_DATA_REDIS"));
        }
    }
}
