package vn.hanoi.hcc.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Holds the rendered CloudNativePG objects to the operator's typed API model, which no Java model on
 * a reachable registry carries: {@code @kubernetes-models/cloudnative-pg} on npm, TypeScript
 * declarations generated from CloudNativePG's Go API (the types its CRDs are generated from), checked
 * by the TypeScript compiler. {@code k8s/cnpg-model/install.sh} installs both at pinned versions.
 *
 * <p>Each object becomes TypeScript: one statement per map or list of the document, typed as the
 * model's type at that path ({@code NonNullable<parent>["field"]}, {@code [number]} for a list's
 * items), its scalars inline and its maps and lists {@code undefined as never} (checked in their own
 * statement), one field per line. So the compiler checks every map on its own, as the API server's
 * structural schema does: an unknown field (TypeScript's excess property check), a value of the wrong
 * type or outside an enum, or a required field missing; and each line of a diagnostic names one path.
 *
 * <p>The barman-cloud plugin's {@code ObjectStore} kind is not in the model; its {@code
 * spec.configuration} is (barman-cloud's {@code BarmanObjectStoreConfiguration}, which the plugin's
 * CRD embeds), and is checked. The rest of its spec is reported by {@link #unchecked}, never passed
 * silently.
 */
final class CloudNativePgModel {

    /**
     * The model's type of each CloudNativePG kind, after the module declaring it; for ObjectStore, the
     * type of its configuration, which {@link #OBJECT_STORE} wraps.
     */
    private static final Map<String, ModelType> TYPES = Map.of(
            "postgresql.cnpg.io/v1 Cluster", new ModelType("postgresql.cnpg.io/v1/Cluster", "ICluster"),
            "postgresql.cnpg.io/v1 Pooler", new ModelType("postgresql.cnpg.io/v1/Pooler", "IPooler"),
            "postgresql.cnpg.io/v1 ScheduledBackup",
                    new ModelType("postgresql.cnpg.io/v1/ScheduledBackup", "IScheduledBackup"),
            "barmancloud.cnpg.io/v1 ObjectStore",
                    new ModelType(
                            "github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration",
                            "IBarmanObjectStoreConfiguration"));

    /** A type of the model: the module declaring it (under the package) and its name. */
    private record ModelType(String module, String name) {}

    /** The ObjectStore: the model's configuration, its other fields unmodelled (see {@link #unchecked}). */
    private static final String OBJECT_STORE = "{ apiVersion: \"barmancloud.cnpg.io/v1\"; kind: \"ObjectStore\";"
            + " metadata: ICluster[\"metadata\"];"
            + " spec: { configuration: IBarmanObjectStoreConfiguration; [unmodelled: string]: unknown } }";

    private static final String MODULE = "@kubernetes-models/cloudnative-pg/";
    private static final Pattern DIAGNOSTIC = Pattern.compile("^check\\.ts\\((\\d+),\\d+\\): error (TS\\d+): (.*)$");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Object literal may only specify known properties,"
            + " and '\"?[^\"']+\"?' does not exist in type '([^']+)'\\.");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path install;

    private CloudNativePgModel(Path install) {
        this.install = install;
    }

    /** The model as {@code k8s/cnpg-model/install.sh} leaves it, if it has been run. */
    static Optional<CloudNativePgModel> installed() {
        Path install = Path.of(System.getProperty("basedir", "."), "cnpg-model");
        return Files.isExecutable(install.resolve("node_modules/.bin/tsc"))
                ? Optional.of(new CloudNativePgModel(install))
                : Optional.empty();
    }

    /** Whether this model checks objects of this "apiVersion Kind". */
    static boolean covers(String type) {
        return TYPES.containsKey(type);
    }

    /** The kinds this model checks, as "apiVersion Kind". */
    static Set<String> kinds() {
        return new TreeSet<>(TYPES.keySet());
    }

    /**
     * The fields of these objects outside the model, as "Kind/name: path": the ObjectStore's spec
     * other than its configuration.
     */
    static Set<String> unchecked(List<K8sObject> objects) {
        Set<String> unchecked = new TreeSet<>();
        for (K8sObject object : objects) {
            if ("barmancloud.cnpg.io/v1 ObjectStore".equals(SchemaCheck.typeOf(object))) {
                object.body().at("spec").entries().keySet().stream()
                        .filter(field -> !"configuration".equals(field))
                        .forEach(field -> unchecked.add(object.ref() + ": spec." + field));
            }
        }
        return unchecked;
    }

    /**
     * Every departure of the CloudNativePG objects among these from the model, one line each, as
     * "Kind/name: path: what"; objects of other kinds are left alone.
     */
    List<String> violations(List<K8sObject> objects) throws IOException, InterruptedException {
        List<K8sObject> modelled =
                objects.stream().filter(o -> covers(SchemaCheck.typeOf(o))).toList();
        if (modelled.isEmpty()) {
            return List.of();
        }
        Map<String, String> invalid = validate(modelled);
        Source source = new Source();
        modelled.forEach(source::object);
        List<String> violations = new ArrayList<>(invalid.values());
        violations.addAll(source.violations(compile(source.text()), invalid.keySet()));
        return violations;
    }

    /**
     * The model's JSON schema over the objects (validate.mjs): every wrong type, value outside an enum,
     * missing required field or bad format, keyed by "Kind/name: path".
     */
    private Map<String, String> validate(List<K8sObject> objects) throws IOException, InterruptedException {
        List<Map<String, Object>> input = objects.stream()
                .map(o -> Map.of(
                        "ref",
                        o.ref(),
                        "type",
                        SchemaCheck.typeOf(o),
                        "body",
                        o.body().value()))
                .toList();
        Path in = Files.createTempFile("cnpg-validate", ".json");
        try {
            JSON.writeValue(in.toFile(), input);
            Process process = new ProcessBuilder(
                            "node", install.resolve("validate.mjs").toString())
                    .directory(install.toFile())
                    .redirectInput(in.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("validate.mjs failed: " + output);
            }
            Map<String, String> invalid = new LinkedHashMap<>();
            for (JsonNode error : JSON.readTree(output)) {
                K8sObject object = objects.stream()
                        .filter(o -> o.ref().equals(error.get("ref").asText()))
                        .findFirst()
                        .orElseThrow();
                String where = object.ref() + ": "
                        + path(object.body().value(), error.get("path").asText());
                invalid.merge(where, where + ": " + error.get("message").asText(), (a, b) -> a + "; " + b);
            }
            return invalid;
        } finally {
            Files.deleteIfExists(in);
        }
    }

    /** A JSON pointer into the document as SchemaCheck writes paths: {@code spec.containers[0].name}. */
    private static String path(Object document, String pointer) {
        if (pointer.isEmpty()) {
            return "(the object)";
        }
        StringBuilder path = new StringBuilder();
        Object node = document;
        for (String token : pointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (node instanceof List<?> list) {
                path.append('[').append(key).append(']');
                node = list.get(Integer.parseInt(key));
            } else {
                path.append(path.isEmpty() ? "" : ".").append(key);
                node = node instanceof Map<?, ?> map ? map.get(key) : null;
            }
        }
        return path.toString();
    }

    /** The compiler's diagnostics for this source, one per line with its continuation lines dropped. */
    private List<String> compile(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cnpg-check");
        try {
            Files.writeString(dir.resolve("check.ts"), source);
            Files.writeString(dir.resolve("tsconfig.json"), """
                    { "compilerOptions": { "strict": true, "noEmit": true, "module": "nodenext",
                        "moduleResolution": "nodenext", "skipLibCheck": true, "types": [] },
                      "files": ["check.ts"] }
                    """);
            Files.createSymbolicLink(dir.resolve("node_modules"), install.resolve("node_modules"));
            Process process = new ProcessBuilder(
                            install.resolve("node_modules/.bin/tsc").toString(), "-p", ".", "--pretty", "false")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("tsc did not finish within 2 minutes");
            }
            List<String> diagnostics = output.lines()
                    .filter(line -> DIAGNOSTIC.matcher(line).matches())
                    .toList();
            if (process.exitValue() != 0 && diagnostics.isEmpty()) {
                throw new IllegalStateException("tsc failed without a diagnostic on check.ts: " + output);
            }
            return diagnostics;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The TypeScript of the objects, and what each of its lines stands for. */
    private static final class Source {

        /** Where a line comes from: the object, the path in it, and whether it is a type alias. */
        private record Origin(String ref, String path, boolean alias) {}

        private final List<String> lines = new ArrayList<>();
        private final List<Origin> origins = new ArrayList<>();
        private int aliases;
        /** The import lines before the objects' lines. */
        private int header;

        void object(K8sObject object) {
            String type = SchemaCheck.typeOf(object);
            String root = type.equals("barmancloud.cnpg.io/v1 ObjectStore")
                    ? OBJECT_STORE
                    : TYPES.get(type).name();
            node(object.ref(), "", root, object.body().value());
        }

        /** A statement for this map or list, typed as the model at its path, then one per child. */
        private void node(String ref, String path, String type, Object value) {
            String alias = "T" + aliases++;
            add("type " + alias + " = " + type + ";", new Origin(ref, path, true));
            if (value instanceof Map<?, ?> map) {
                add("export const v" + alias + ": " + alias + " = {", new Origin(ref, path, false));
                map.forEach((field, child) -> add(
                        "  " + quote(String.valueOf(field)) + ": " + literal(child) + ",",
                        new Origin(ref, join(path, field), false)));
                add("};", new Origin(ref, path, false));
                map.forEach((field, child) -> {
                    if (isNode(child)) {
                        String member = "[" + quote(String.valueOf(field)) + "]";
                        node(ref, join(path, field), "NonNullable<" + alias + ">" + member, child);
                    }
                });
            } else {
                List<?> items = (List<?>) value;
                add("export const v" + alias + ": " + alias + " = [", new Origin(ref, path, false));
                for (int i = 0; i < items.size(); i++) {
                    add("  " + literal(items.get(i)) + ",", new Origin(ref, path + "[" + i + "]", false));
                }
                add("];", new Origin(ref, path, false));
                for (int i = 0; i < items.size(); i++) {
                    if (isNode(items.get(i))) {
                        node(ref, path + "[" + i + "]", "NonNullable<" + alias + ">[number]", items.get(i));
                    }
                }
            }
        }

        private static String join(String path, Object field) {
            return path.isEmpty() ? String.valueOf(field) : path + "." + field;
        }

        private void add(String line, Origin origin) {
            lines.add(line);
            origins.add(origin);
        }

        String text() {
            StringBuilder text = new StringBuilder();
            TYPES.values().stream()
                    .sorted(Comparator.comparing(ModelType::module))
                    .forEach(type -> text.append("import type { ")
                            .append(type.name())
                            .append(" } from \"")
                            .append(MODULE)
                            .append(type.module())
                            .append("\";\n"));
            // The header's lines come first: each line of the objects is offset by them.
            header = (int) text.chars().filter(c -> c == '\n').count();
            lines.forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }

        /**
         * The compiler's diagnostics as violations, each naming the object and the path of its line,
         * less those that repeat what the JSON schema found ({@code invalid}: the same path, or below
         * it) and, for a type alias that fails, what follows from its parent's unknown field.
         */
        List<String> violations(List<String> diagnostics, Set<String> invalid) {
            List<Diagnostic> found = new ArrayList<>();
            for (String line : diagnostics) {
                Matcher matcher = DIAGNOSTIC.matcher(line);
                matcher.matches();
                int at = Integer.parseInt(matcher.group(1)) - header - 1;
                if (at < 0 || at >= origins.size()) {
                    throw new IllegalStateException("tsc reports a line outside the objects: " + line);
                }
                Origin origin = origins.get(at);
                String where = origin.ref() + ": " + (origin.path().isEmpty() ? "(the object)" : origin.path());
                found.add(new Diagnostic(where, origin.alias(), where + ": " + readable(matcher.group(3))));
            }
            Set<String> explained = new TreeSet<>(invalid);
            found.stream().filter(d -> !d.alias()).forEach(d -> explained.add(d.where()));
            return found.stream()
                    .filter(d -> d.alias() ? !within(d.where(), explained) : !invalid.contains(d.where()))
                    .map(Diagnostic::violation)
                    .distinct()
                    .toList();
        }

        private record Diagnostic(String where, boolean alias, String violation) {}

        private static boolean within(String where, Set<String> paths) {
            return paths.stream()
                    .anyMatch(p -> where.equals(p) || where.startsWith(p + ".") || where.startsWith(p + "["));
        }
    }

    /** TypeScript's unknown-field message as SchemaCheck words it; its other messages as they are. */
    private static String readable(String message) {
        Matcher unknown = UNKNOWN_FIELD.matcher(message);
        return unknown.matches() ? "unknown field (" + unknown.group(1) + " has no such field)" : message;
    }

    private static boolean isNode(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    /** A scalar as a TypeScript literal; a map or a list as {@code undefined as never} (its own statement). */
    private static String literal(Object value) {
        if (isNode(value)) {
            return "undefined as never";
        }
        if (value == null) {
            return "undefined"; // YAML's null: the field left unset, as the API server reads it
        }
        if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof Double) {
            return String.valueOf(value);
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
