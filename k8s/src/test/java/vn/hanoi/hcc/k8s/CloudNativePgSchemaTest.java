package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.k8s.RenderedOverlays.list;
import static vn.hanoi.hcc.k8s.RenderedOverlays.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both overlays' CloudNativePG objects (Cluster, Pooler, ScheduledBackup, and the barman-cloud
 * plugin's ObjectStore) against CloudNativePG's typed API model ({@link CloudNativePgModel}), then
 * proof that the check bites: unknown and misspelled fields, wrong types, values outside an enum and
 * a missing required field injected into the rendered objects, each reported with the object and the
 * path.
 */
class CloudNativePgSchemaTest {

    private static final Optional<Kustomize> KUSTOMIZE = Kustomize.onPath();
    private static final Optional<CloudNativePgModel> MODEL = CloudNativePgModel.installed();

    @BeforeEach
    void needsKubectlAndTheModel() {
        Kustomize.require(KUSTOMIZE, "kubectl is not on the PATH: the overlays cannot be rendered on this machine");
        String why = "CloudNativePG's model is not installed: run k8s/cnpg-model/install.sh (needs Node.js and npm)";
        if (MODEL.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why + " (CI=true: .ci/run installs it, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(MODEL.isPresent(), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyCloudNativePgObjectMatchesTheModel(String overlay) throws Exception {
        List<K8sObject> objects = RenderedOverlays.render(KUSTOMIZE.orElseThrow(), overlay);

        assertThat(objects.stream().map(SchemaCheck::typeOf).filter(CloudNativePgModel::covers))
                .containsExactlyInAnyOrderElementsOf(CloudNativePgModel.kinds());
        assertThat(MODEL.orElseThrow().violations(objects)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheObjectStoresRetentionPolicyIsOutsideTheModel(String overlay) throws Exception {
        assertThat(CloudNativePgModel.unchecked(RenderedOverlays.render(KUSTOMIZE.orElseThrow(), overlay)))
                .containsExactly("ObjectStore/hcc-db-backups: spec.retentionPolicy");
    }

    @Test
    void refusesUnknownAndMisspelledFieldsAtAnyDepth() throws Exception {
        K8sObject cluster = rendered("Cluster", "hcc-db");
        Map<String, Object> spec = map(cluster.body().at("spec").value());
        spec.put("instancez", 3);
        map(spec.get("storage")).put("sizeLimit", "60Gi");
        K8sObject pooler = rendered("Pooler", "hcc-db-pooler");
        Map<String, Object> container = map(list(
                        map(map(map(pooler.body().at("spec").value()).get("template"))
                                .get("spec")),
                        "containers")
                .get(0));
        container.put("resource", container.remove("resources"));
        K8sObject store = rendered("ObjectStore", "hcc-db-backups");
        Map<String, Object> configuration =
                map(store.body().at("spec", "configuration").value());
        configuration.put("s3Credential", configuration.remove("s3Credentials"));

        assertThat(violationsWith(cluster, pooler, store))
                .containsExactlyInAnyOrder(
                        "Cluster/hcc-db: spec.instancez: unknown field (IClusterSpec has no such field)",
                        "Cluster/hcc-db: spec.storage.sizeLimit: unknown field (IStorageConfiguration has no such"
                                + " field)",
                        "Pooler/hcc-db-pooler: spec.template.spec.containers[0].resource: unknown field"
                                + " (IContainer has no such field)",
                        "ObjectStore/hcc-db-backups: spec.configuration.s3Credential: unknown field"
                                + " (IBarmanObjectStoreConfiguration has no such field)");
    }

    @Test
    void refusesWrongTypesValuesOutsideAnEnumAndAMissingRequiredField() throws Exception {
        K8sObject cluster = rendered("Cluster", "hcc-db");
        Map<String, Object> spec = map(cluster.body().at("spec").value());
        spec.put("instances", "3");
        map(map(spec.get("postgresql")).get("parameters")).put("max_connections", 400);
        K8sObject pooler = rendered("Pooler", "hcc-db-pooler");
        Map<String, Object> poolerSpec = map(pooler.body().at("spec").value());
        map(poolerSpec.get("pgbouncer")).put("poolMode", "statement");
        K8sObject backup = rendered("ScheduledBackup", "hcc-db-nightly");
        Map<String, Object> backupSpec = map(backup.body().at("spec").value());
        backupSpec.put("method", "barman");
        backupSpec.remove("cluster");

        assertThat(violationsWith(cluster, pooler, backup))
                .containsExactlyInAnyOrder(
                        "Cluster/hcc-db: spec.instances: must be integer",
                        "Cluster/hcc-db: spec.postgresql.parameters.max_connections: must be string",
                        "Pooler/hcc-db-pooler: spec.pgbouncer.poolMode: must be equal to one of the allowed"
                                + " values: session, transaction",
                        "ScheduledBackup/hcc-db-nightly: spec: must have required property cluster",
                        "ScheduledBackup/hcc-db-nightly: spec.method: must be equal to one of the allowed values:"
                                + " barmanObjectStore, volumeSnapshot, plugin");
    }

    @Test
    void leavesTheOtherKindsToSchemaCheck() throws Exception {
        K8sObject gateway = rendered("Deployment", "gateway");
        map(gateway.body().at("spec").value()).put("replicaz", 2);

        assertThat(violationsWith(gateway)).isEmpty();
    }

    private static List<String> violationsWith(K8sObject... changed) throws Exception {
        return MODEL.orElseThrow().violations(RenderedOverlays.with(KUSTOMIZE.orElseThrow(), "prod", changed));
    }

    private static K8sObject rendered(String kind, String name) throws Exception {
        return RenderedOverlays.render(KUSTOMIZE.orElseThrow(), "prod", kind, name);
    }
}
