package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CloudNativePG {@code Pooler} between the BFF and PostgreSQL, rendered: PgBouncer in transaction
 * mode in front of the primary, spread over zones in prod, and sized so that every BFF connection
 * fits in one PgBouncer while the server connections of every PgBouncer (one more during a rolling
 * update), the BFF's migrations and the operator's own fit in the Cluster's {@code max_connections}
 * (k8s/README.md, "Sizing"). Skipped, saying why, where kubectl is absent (CI has it).
 */
class PoolerTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path BFF_PROD_CONFIG =
            MODULE.resolveSibling("config").resolve("mobile-bff").resolve("application-prod.yml");
    private static final Pattern POOL_MAX = Pattern.compile("max-size: \\$\\{HCC_DB_POOL_MAX_SIZE:(\\d+)}");
    /** Flyway's connections per starting BFF pod (its own and one for the schema history lock, at most). */
    private static final int MIGRATION_CONNECTIONS_PER_POD = 2;
    /** The operator's instance manager and exporter, and superuser_reserved_connections (3). */
    private static final int OPERATOR_AND_RESERVED = 15;

    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();

    /** The overlay, rendered; each test, not the class, is skipped without kubectl. */
    private static List<K8sObject> render(String overlay) throws Exception {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the Pooler cannot be rendered on this machine");
        return KUSTOMIZE.get().render(MODULE.resolve("overlays/" + overlay));
    }

    private static YamlNode spec(List<K8sObject> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.kind()) && o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name))
                .body()
                .at("spec");
    }

    private static int number(YamlNode node) {
        return Integer.parseInt(node.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void putsPgBouncerInTransactionModeBeforeThePrimary(String overlay) throws Exception {
        YamlNode pooler = spec(render(overlay), "Pooler", "hcc-db-pooler");
        assertThat(pooler.at("cluster", "name").text()).isEqualTo("hcc-db");
        assertThat(pooler.at("type").text()).isEqualTo("rw");
        assertThat(pooler.at("pgbouncer", "poolMode").text()).isEqualTo("transaction");
        YamlNode pgbouncer = pooler.at("template", "spec", "containers").items().get(0);
        assertThat(pgbouncer.at("name").text()).isEqualTo("pgbouncer");
        assertThat(pgbouncer.at("resources", "limits", "memory").present()).isTrue();
        assertThat(pgbouncer.at("resources", "requests", "cpu").present()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void runsSeveralPgBouncersSpreadOverZonesWithADisruptionBudget(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        YamlNode pooler = spec(objects, "Pooler", "hcc-db-pooler");
        assertThat(number(pooler.at("instances"))).isGreaterThanOrEqualTo(2);
        YamlNode spread = pooler.at("template", "spec", "topologySpreadConstraints")
                .items()
                .get(0);
        assertThat(spread.at("topologyKey").text()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(spread.at("whenUnsatisfiable").text()).isEqualTo("DoNotSchedule");
        assertThat(spread.at("labelSelector", "matchLabels", "cnpg.io/poolerName")
                        .text())
                .isEqualTo("hcc-db-pooler");
        YamlNode budget = spec(objects, "PodDisruptionBudget", "hcc-db-pooler");
        assertThat(budget.at("selector", "matchLabels", "cnpg.io/poolerName").text())
                .isEqualTo("hcc-db-pooler");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void fitsEveryBffConnectionInOnePgBouncerAndEveryPgBouncerInPostgres(String overlay) throws Exception {
        List<K8sObject> objects = render(overlay);
        YamlNode pooler = spec(objects, "Pooler", "hcc-db-pooler");
        YamlNode parameters = pooler.at("pgbouncer", "parameters");
        int bffPods =
                number(spec(objects, "HorizontalPodAutoscaler", "mobile-bff").at("maxReplicas"));
        int clients = bffPods * bffPoolMaxSize();
        assertThat(number(parameters.at("max_client_conn")))
                .as("max_client_conn: every BFF connection (%d pods x pool) on one PgBouncer", bffPods)
                .isGreaterThanOrEqualTo(clients);

        int pgBouncers = number(pooler.at("instances")) + 1; // one more while the Deployment rolls
        int servers =
                pgBouncers * (number(parameters.at("default_pool_size")) + number(parameters.at("reserve_pool_size")));
        int needed = servers + bffPods * MIGRATION_CONNECTIONS_PER_POD + OPERATOR_AND_RESERVED;
        int maxConnections =
                number(spec(objects, "Cluster", "hcc-db").at("postgresql", "parameters", "max_connections"));
        assertThat(needed)
                .as("server connections %d + migrations + operator, within max_connections", servers)
                .isLessThanOrEqualTo(maxConnections);
    }

    private static int bffPoolMaxSize() throws Exception {
        Matcher matcher = POOL_MAX.matcher(Files.readString(BFF_PROD_CONFIG));
        assertThat(matcher.find())
                .as("the pool's max-size in " + BFF_PROD_CONFIG)
                .isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
