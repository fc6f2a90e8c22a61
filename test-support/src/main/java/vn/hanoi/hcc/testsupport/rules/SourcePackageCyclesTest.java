package vn.hanoi.hcc.testsupport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No cycle between a service's top-level packages, read from the imports of its sources. The
 * ArchUnit rule ({@link ServiceRules#packagesHaveNoCycles}) reads the compiled classes, where the
 * compiler has already copied every constant into the classes that use it: a package that only
 * reads another's constant depends on it in the source and not in the bytecode. This test sees it.
 * A module's test extends it with its base package.
 */
public abstract class SourcePackageCyclesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** The service's base package, e.g. {@code vn.hanoi.hcc.gateway}. */
    protected abstract String basePackage();

    @Test
    void topLevelPackagesImportEachOtherWithoutACycle() {
        Map<String, Set<String>> imports = importsByPackage();
        assertThat(imports)
                .as("packages read from %s", SOURCES.toAbsolutePath())
                .isNotEmpty();
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            findCycle(start, start, imports, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles)
                .as("cycles between the top-level packages of " + basePackage())
                .isEmpty();
    }

    private Map<String, Set<String>> importsByPackage() {
        Pattern imported = Pattern.compile(
                "^import\\s+(?:static\\s+)?" + Pattern.quote(basePackage()) + "\\.(\\w+)\\.", Pattern.MULTILINE);
        Path root = SOURCES.resolve(basePackage().replace('.', '/'));
        Map<String, Set<String>> imports = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class, alone in the base package
                }
                String from = relative.getName(0).toString();
                Matcher matcher = imported.matcher(Files.readString(file));
                Set<String> targets = imports.computeIfAbsent(from, key -> new TreeSet<>());
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        targets.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }

    private static void findCycle(
            String start,
            String at,
            Map<String, Set<String>> imports,
            List<String> path,
            Set<String> seen,
            List<String> cycles) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, imports, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
