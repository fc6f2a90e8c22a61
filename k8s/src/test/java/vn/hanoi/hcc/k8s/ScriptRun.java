package vn.hanoi.hcc.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of a shell script of the manifests (base/road-graph/*.sh), as the job's containers run
 * them ({@code sh <script> <args>}), with only the variables given, its output kept in a file under
 * target/ so that the console stays quiet and a failing assertion can show it.
 */
record ScriptRun(int exit, String output) {

    static final Path SCRIPTS = Path.of(System.getProperty("basedir", "."), "base", "road-graph");

    /** Whether a program is on the PATH: the scripts' tests need sh, and some need curl or osmium. */
    static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    static ScriptRun of(String script, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("sh", SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(
                Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "scripts")),
                script,
                ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within 2 minutes; see " + log);
        }
        return new ScriptRun(process.exitValue(), Files.readString(log));
    }
}
