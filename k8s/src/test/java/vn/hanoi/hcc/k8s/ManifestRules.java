package vn.hanoi.hcc.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every rendered overlay must satisfy (issue 7's production rules), as a list of violations,
 * each naming the object and what is wrong: an empty list is a pass. Kept apart from the tests so
 * that the same rules are run over the real overlays (nothing reported) and over a deliberately
 * broken fixture (everything reported).
 *
 * <p>Workloads are Deployments, Jobs and CronJobs. Every container of every workload, init
 * containers included, has requests and limits and the restricted security context, and every
 * workload's pods are tokenless and selected by a NetworkPolicy. Probes, a preStop pause and the
 * rollout rules are a serving Deployment's; a run that cannot overlap, retries a bounded number of
 * times and has a deadline is a Job's or CronJob's.
 */
record ManifestRules(List<K8sObject> objects) {

    /** A tag after the last path segment's colon, or a digest. */
    private static final Pattern PINNED =
            Pattern.compile(".*/?[^/]+(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[0-9a-f]{64})");

    List<String> violations() {
        return Stream.of(
                        containerRules(),
                        deploymentRules(),
                        jobRules(),
                        networkPolicyRules(),
                        secretRules(),
                        imageRules())
                .flatMap(s -> s)
                .toList();
    }

    private static final Set<String> WORKLOADS = Set.of("Deployment", "Job", "CronJob");

    private List<K8sObject> deployments() {
        return objects.stream().filter(o -> "Deployment".equals(o.kind())).toList();
    }

    private List<K8sObject> workloads() {
        return objects.stream().filter(o -> WORKLOADS.contains(o.kind())).toList();
    }

    private Stream<String> containerRules() {
        return workloads().stream().flatMap(workload -> {
            boolean serves = "Deployment".equals(workload.kind());
            Stream<String> init = workload.podSpec().at("initContainers").items().stream()
                    .flatMap(container -> container(workload, container, false));
            Stream<String> main = workload.podSpec().at("containers").items().stream()
                    .flatMap(container -> container(workload, container, serves));
            return Stream.concat(init, main);
        });
    }

    /** What is wrong with one container; probes and a preStop pause only where it serves traffic. */
    private Stream<String> container(K8sObject workload, YamlNode container, boolean serving) {
        YamlNode security = container.at("securityContext");
        boolean nonRoot = security.at("runAsNonRoot").isTrue()
                || workload.podSpec().at("securityContext", "runAsNonRoot").isTrue();
        boolean dropsAll = security.at("capabilities", "drop").items().stream().anyMatch(c -> "ALL".equals(c.text()));
        Stream<String> servingRules = serving
                ? Stream.of(
                        missing(container, "startupProbe", "startupProbe"),
                        missing(container, "livenessProbe", "livenessProbe"),
                        missing(container, "readinessProbe", "readinessProbe"),
                        missing(container, "preStop pause", "lifecycle", "preStop"))
                : Stream.empty();
        Stream<String> everyContainer = Stream.of(
                missing(container, "requests.cpu", "resources", "requests", "cpu"),
                missing(container, "requests.memory", "resources", "requests", "memory"),
                missing(container, "limits.cpu", "resources", "limits", "cpu"),
                missing(container, "limits.memory", "resources", "limits", "memory"),
                nonRoot ? null : "may run as root (runAsNonRoot is not true)",
                security.at("readOnlyRootFilesystem").isTrue() ? null : "root filesystem is writable",
                security.at("allowPrivilegeEscalation").isFalse() ? null : "privilege escalation is allowed",
                dropsAll ? null : "capabilities are not all dropped");
        return Stream.concat(servingRules, everyContainer)
                .filter(problem -> problem != null)
                .map(problem ->
                        workload.ref() + " container " + container.at("name").text() + ": " + problem);
    }

    private static String missing(YamlNode container, String what, String... path) {
        return container.at(path).present() ? null : "no " + what;
    }

    private Stream<String> deploymentRules() {
        return deployments().stream()
                .flatMap(deployment -> Stream.of(
                                selects("PodDisruptionBudget", deployment)
                                        ? null
                                        : "no PodDisruptionBudget selects its pods",
                                scaledBy(deployment) ? null : "no HorizontalPodAutoscaler scales it",
                                "0"
                                                .equals(deployment
                                                        .body()
                                                        .at("spec", "strategy", "rollingUpdate", "maxUnavailable")
                                                        .text())
                                        ? null
                                        : "a rolling update may take pods away (maxUnavailable is not 0)",
                                deployment
                                                .podSpec()
                                                .at("topologySpreadConstraints")
                                                .items()
                                                .isEmpty()
                                        ? "pods are not spread over zones and nodes"
                                        : null,
                                tokenless(deployment) ? null : "the pods mount a service account token")
                        .filter(problem -> problem != null)
                        .map(problem -> deployment.ref() + ": " + problem));
    }

    /** A batch run never overlaps the previous one, gives up after a few tries and within a deadline. */
    private Stream<String> jobRules() {
        return objects.stream()
                .filter(o -> "Job".equals(o.kind()) || "CronJob".equals(o.kind()))
                .flatMap(job -> Stream.of(
                                !"CronJob".equals(job.kind())
                                                || "Forbid"
                                                        .equals(job.body()
                                                                .at("spec", "concurrencyPolicy")
                                                                .text())
                                        ? null
                                        : "runs may overlap (concurrencyPolicy is not Forbid)",
                                job.jobSpec().at("backoffLimit").present()
                                        ? null
                                        : "no backoffLimit: a failing run is retried six times by default",
                                job.jobSpec().at("activeDeadlineSeconds").present()
                                        ? null
                                        : "no activeDeadlineSeconds: a stuck run is never stopped",
                                tokenless(job) ? null : "the pods mount a service account token")
                        .filter(problem -> problem != null)
                        .map(problem -> job.ref() + ": " + problem));
    }

    /** Whether an object of this kind has a selector matching the workload's pod labels. */
    private boolean selects(String kind, K8sObject workload) {
        return objects.stream().filter(o -> kind.equals(o.kind())).anyMatch(o -> matches(selector(o), workload));
    }

    private static YamlNode selector(K8sObject object) {
        return "NetworkPolicy".equals(object.kind())
                ? object.body().at("spec", "podSelector", "matchLabels")
                : object.body().at("spec", "selector", "matchLabels");
    }

    private static boolean matches(YamlNode matchLabels, K8sObject workload) {
        Map<String, YamlNode> wanted = matchLabels.entries();
        return !wanted.isEmpty() && workload.podLabels().containsAll(wanted);
    }

    private boolean scaledBy(K8sObject deployment) {
        return objects.stream()
                .filter(o -> "HorizontalPodAutoscaler".equals(o.kind()))
                .map(hpa -> hpa.body().at("spec", "scaleTargetRef"))
                .anyMatch(target -> "Deployment".equals(target.at("kind").text())
                        && deployment.name().equals(target.at("name").text()));
    }

    /**
     * The pods name a service account, and neither they nor it mount its API token automatically (a
     * container that needs one projects it itself, for itself).
     */
    private boolean tokenless(K8sObject workload) {
        String account = workload.podSpec().at("serviceAccountName").text();
        boolean accountMountsNothing = objects.stream()
                .filter(o -> "ServiceAccount".equals(o.kind()) && o.name().equals(account))
                .anyMatch(o -> o.body().at("automountServiceAccountToken").isFalse());
        return account != null
                && (workload.podSpec().at("automountServiceAccountToken").isFalse()
                        || accountMountsNothing
                                && !workload.podSpec()
                                        .at("automountServiceAccountToken")
                                        .isTrue());
    }

    private Stream<String> networkPolicyRules() {
        boolean defaultDeny = objects.stream()
                .filter(o -> "NetworkPolicy".equals(o.kind()))
                .map(K8sObject::body)
                .anyMatch(p -> p.at("spec", "podSelector").entries().isEmpty()
                        && p.at("spec", "policyTypes").items().size() == 2
                        && !p.at("spec", "ingress").present()
                        && !p.at("spec", "egress").present());
        Stream<String> unguarded = workloads().stream()
                .filter(d -> !selects("NetworkPolicy", d))
                .map(d -> d.ref() + ": no NetworkPolicy selects its pods");
        return Stream.concat(defaultDeny ? Stream.empty() : Stream.of("no default-deny NetworkPolicy"), unguarded);
    }

    private Stream<String> secretRules() {
        return objects.stream()
                .filter(o -> "Secret".equals(o.kind()))
                .filter(s -> !s.body().at("data").entries().isEmpty()
                        || !s.body().at("stringData").entries().isEmpty())
                .map(s -> s.ref() + ": carries data (Secrets are referenced, never committed)");
    }

    private Stream<String> imageRules() {
        return objects.stream()
                .flatMap(o -> images(o.body()).map(image -> new String[] {o.ref(), image}))
                .filter(pair -> !PINNED.matcher(pair[1]).matches() || pair[1].endsWith(":latest"))
                .map(pair -> pair[0] + ": image " + pair[1] + " is not pinned by a tag other than latest");
    }

    /** Every {@code image} and {@code imageName} anywhere in the object (containers, operators' CRDs). */
    private static Stream<String> images(YamlNode node) {
        Stream<String> own = node.entries().entrySet().stream()
                .filter(e -> e.getKey().equals("image") || e.getKey().equals("imageName"))
                .map(e -> e.getValue().text());
        Stream<YamlNode> children = Stream.concat(node.entries().values().stream(), node.items().stream());
        return Stream.concat(own, children.flatMap(ManifestRules::images));
    }
}
