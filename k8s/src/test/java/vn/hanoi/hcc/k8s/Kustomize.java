package vn.hanoi.hcc.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a kustomization with {@code kubectl kustomize} and kustomize's defaults (the load
 * restrictor in force), exactly as {@code kubectl apply -k}, Argo CD and Flux render it.
 */
record Kustomize(Path kubectl) {

    /** kubectl from the PATH, if there is one. */
    static Optional<Kustomize> onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(Kustomize::new);
    }

    /**
     * Skips the calling test, saying why, where kubectl is missing; fails it instead in CI
     * ({@code CI=true}), whose .ci/run installs kubectl: a check that cannot run there must not pass
     * as skipped.
     */
    static void require(Optional<Kustomize> kustomize, String why) {
        if (kustomize.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(why + " (CI=true: .ci/run installs kubectl, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(kustomize.isPresent(), why);
    }

    /** The objects of the rendered kustomization in {@code dir}; fails with kubectl's message. */
    List<K8sObject> render(Path dir) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(errors));
            }
            return parse(rendered);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    static List<K8sObject> parse(String rendered) {
        List<K8sObject> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
            if (document != null) {
                objects.add(K8sObject.of(new YamlNode(document)));
            }
        }
        return objects;
    }
}
