package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shows that every rule bites: the broken fixture (src/test/resources/broken) breaks each rule
 * once, and each break must be reported. Parsed directly, so this runs even without kubectl; the
 * last test also renders it through kustomize, the path the real overlays take.
 */
class ManifestRulesTest {

    private static final Path FIXTURE = Path.of(System.getProperty("basedir", "."), "src/test/resources/broken");

    private static List<String> violations;

    @BeforeAll
    static void checkTheFixture() throws Exception {
        violations =
                new ManifestRules(Kustomize.parse(Files.readString(FIXTURE.resolve("careless.yaml")))).violations();
    }

    @Test
    void reportsEveryMissingProbe() {
        assertThat(violations)
                .contains(
                        "Deployment/careless container app: no startupProbe",
                        "Deployment/careless container app: no livenessProbe",
                        "Deployment/careless container app: no readinessProbe");
    }

    @Test
    void reportsMissingRequestsAndLimits() {
        assertThat(violations)
                .contains(
                        "Deployment/careless container app: no requests.cpu",
                        "Deployment/careless container app: no requests.memory",
                        "Deployment/careless container app: no limits.cpu",
                        "Deployment/careless container app: no limits.memory");
    }

    @Test
    void reportsEachMissingPieceOfTheSecurityContext() {
        assertThat(violations)
                .contains(
                        "Deployment/careless container app: may run as root (runAsNonRoot is not true)",
                        "Deployment/careless container app: root filesystem is writable",
                        "Deployment/careless container app: privilege escalation is allowed",
                        "Deployment/careless container app: capabilities are not all dropped");
    }

    @Test
    void reportsAnUnsafeRolloutAndShutdown() {
        assertThat(violations)
                .contains(
                        "Deployment/careless: a rolling update may take pods away (maxUnavailable is not 0)",
                        "Deployment/careless container app: no preStop pause",
                        "Deployment/careless: pods are not spread over zones and nodes",
                        "Deployment/careless: the pods mount a service account token");
    }

    @Test
    void countsBudgetsAutoscalersAndPoliciesByWhatTheySelectNotByName() {
        assertThat(violations)
                .contains(
                        "Deployment/careless: no PodDisruptionBudget selects its pods",
                        "Deployment/careless: no HorizontalPodAutoscaler scales it",
                        "Deployment/careless: no NetworkPolicy selects its pods");
    }

    @Test
    void reportsAMissingDefaultDenyEvenWhenAPolicySelectsEveryPod() {
        assertThat(violations).contains("no default-deny NetworkPolicy");
    }

    @Test
    void reportsASecretWithData() {
        assertThat(violations).contains("Secret/committed: carries data (Secrets are referenced, never committed)");
    }

    @Test
    void reportsUntaggedAndLatestImagesAnywhere() {
        assertThat(violations)
                .contains(
                        "Deployment/careless: image nginx is not pinned by a tag other than latest",
                        "Deployment/floating: image registry.example/floating:latest is not pinned by a tag other than latest",
                        "Cluster/unpinned: image ghcr.io/cloudnative-pg/postgresql is not pinned by a tag other than latest");
    }

    @Test
    void findsNothingElseWrongWithTheDeploymentThatOnlyFloats() {
        assertThat(violations)
                .filteredOn(v -> v.startsWith("Deployment/floating"))
                .containsExactlyInAnyOrder(
                        "Deployment/floating: no PodDisruptionBudget selects its pods",
                        "Deployment/floating: no HorizontalPodAutoscaler scales it",
                        "Deployment/floating: no NetworkPolicy selects its pods",
                        "Deployment/floating: image registry.example/floating:latest is not pinned by a tag other than latest");
    }

    @Test
    void reportsABatchJobThatMayOverlapRetryForeverOrNeverStop() {
        assertThat(violations)
                .contains(
                        "CronJob/careless-cron: runs may overlap (concurrencyPolicy is not Forbid)",
                        "CronJob/careless-cron: no backoffLimit: a failing run is retried six times by default",
                        "CronJob/careless-cron: no activeDeadlineSeconds: a stuck run is never stopped",
                        "CronJob/careless-cron: the pods mount a service account token",
                        "CronJob/careless-cron: no NetworkPolicy selects its pods");
    }

    @Test
    void holdsInitContainersToTheSameLimitsAndSecurityButAsksNoProbesOfBatchPods() {
        assertThat(violations)
                .filteredOn(v -> v.startsWith("CronJob/careless-cron container"))
                .containsExactlyInAnyOrder(
                        "CronJob/careless-cron container fetch: no requests.cpu",
                        "CronJob/careless-cron container fetch: no requests.memory",
                        "CronJob/careless-cron container fetch: no limits.cpu",
                        "CronJob/careless-cron container fetch: no limits.memory",
                        "CronJob/careless-cron container fetch: may run as root (runAsNonRoot is not true)",
                        "CronJob/careless-cron container fetch: root filesystem is writable",
                        "CronJob/careless-cron container fetch: privilege escalation is allowed",
                        "CronJob/careless-cron container fetch: capabilities are not all dropped");
    }

    @Test
    void findsOnlyTheMissingDeadlineOfTheJobThatHasNone() {
        assertThat(violations)
                .filteredOn(v -> v.startsWith("Job/endless"))
                .containsExactly("Job/endless: no activeDeadlineSeconds: a stuck run is never stopped");
    }

    @Test
    void reportsTheSameWhenTheFixtureIsRenderedByKustomize() throws Exception {
        Optional<Kustomize> kustomize = Kustomize.onPath();
        Kustomize.require(kustomize, "kubectl is not on the PATH, so the fixture cannot be rendered here");
        assertThat(new ManifestRules(kustomize.get().render(FIXTURE)).violations())
                .containsExactlyInAnyOrderElementsOf(violations);
    }
}
