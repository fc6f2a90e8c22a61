package vn.hanoi.hcc.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * activate.sh, the step that makes a finished import the current graph, run on a directory laid
 * out as the volume is: builds named by time, the relative link {@code current}, staging
 * directories of imports.
 */
class ActivateScriptTest {

    @TempDir
    Path root;

    @BeforeEach
    void needsAShell() {
        assumeTrue(ScriptRun.onPath("sh"), "no sh on the PATH");
    }

    private ScriptRun activate(String staging) throws Exception {
        return ScriptRun.of("activate.sh", Map.of("GRAPH_ROOT", root.toString()), staging);
    }

    private Path build(String name) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("properties"), name);
        return dir;
    }

    private List<String> entries() throws Exception {
        try (Stream<Path> paths = Files.list(root)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pointsCurrentAtTheNewBuildByARelativeLinkAndKeepsTheTwoBuildsBeforeIt() throws Exception {
        for (String old : List.of("20250101T000000Z-a", "20250108T000000Z-b", "20250115T000000Z-c")) {
            build(old);
        }
        Files.createSymbolicLink(root.resolve("current"), Path.of("20250115T000000Z-c"));
        build(".incoming-road-graph-1-x");

        ScriptRun run = activate(".incoming-road-graph-1-x");

        assertThat(run.exit()).as(run.output()).isZero();
        Path link = Files.readSymbolicLink(root.resolve("current"));
        assertThat(link.isAbsolute()).isFalse();
        assertThat(link.toString()).matches("\\d{8}T\\d{6}Z-road-graph-1-x");
        assertThat(Files.readString(root.resolve("current").resolve("properties")))
                .isEqualTo(".incoming-road-graph-1-x");
        assertThat(entries())
                .containsExactlyInAnyOrder("20250108T000000Z-b", "20250115T000000Z-c", link.toString(), "current");
    }

    @Test
    void makesTheFirstBuildCurrentOnAnEmptyVolume() throws Exception {
        build(".incoming-first");

        ScriptRun run = activate(".incoming-first");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.isRegularFile(root.resolve("current").resolve("properties")))
                .isTrue();
        assertThat(entries()).hasSize(2);
    }

    @Test
    void leavesCurrentAloneWhenTheImportDidNotFinish() throws Exception {
        build("20250115T000000Z-c");
        Files.createSymbolicLink(root.resolve("current"), Path.of("20250115T000000Z-c"));
        Files.createDirectories(root.resolve(".incoming-broken"));

        ScriptRun run = activate(".incoming-broken");

        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("No finished graph");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("20250115T000000Z-c"));
    }

    @Test
    void refusesANameThatIsNotAStagingDirectory() throws Exception {
        Path kept = build("20250115T000000Z-c");

        ScriptRun run = activate("20250115T000000Z-c");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(kept).isDirectory();
        assertThat(root.resolve("current")).doesNotExist();
    }

    @Test
    void deletesWhatDeadImportsLeftButNotAnImportStillRunning() throws Exception {
        Path dead = Files.createDirectories(root.resolve(".incoming-dead"));
        Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minus(Duration.ofHours(4))));
        Path running = Files.createDirectories(root.resolve(".incoming-running"));
        build(".incoming-done");

        ScriptRun run = activate(".incoming-done");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(dead).doesNotExist();
        assertThat(running).isDirectory();
    }
}
