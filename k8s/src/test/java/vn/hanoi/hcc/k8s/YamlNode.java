package vn.hanoi.hcc.k8s;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of a parsed YAML document (a map, a list, a scalar or nothing), walked by path without a
 * cast or a null check at every step: a missing key is an empty node, never an exception.
 */
record YamlNode(Object value) {

    static final YamlNode MISSING = new YamlNode(null);

    /** The node under these keys, or {@link #MISSING} if any of them is absent. */
    YamlNode at(String... path) {
        Object current = value;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return MISSING;
            }
            current = map.get(key);
        }
        return current == null ? MISSING : new YamlNode(current);
    }

    /** The elements, when this node is a list; none otherwise. */
    List<YamlNode> items() {
        return value instanceof List<?> list ? list.stream().map(YamlNode::new).toList() : List.of();
    }

    /** The entries, when this node is a map; none otherwise. */
    Map<String, YamlNode> entries() {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        return map.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        e -> String.valueOf(e.getKey()), e -> new YamlNode(e.getValue())));
    }

    boolean present() {
        return value != null;
    }

    /** Whether this node is the boolean {@code true} (not the string "true"). */
    boolean isTrue() {
        return Boolean.TRUE.equals(value);
    }

    /** Whether this node is the boolean {@code false}. */
    boolean isFalse() {
        return Boolean.FALSE.equals(value);
    }

    /** The scalar as text, or null when the node is missing. */
    String text() {
        return value == null ? null : String.valueOf(value);
    }

    /** Whether this node is a map holding at least every entry of {@code labels} (a label selector's match). */
    boolean containsAll(Map<String, YamlNode> labels) {
        Map<String, YamlNode> own = entries();
        return labels.entrySet().stream()
                .allMatch(e -> own.containsKey(e.getKey())
                        && Objects.equals(
                                own.get(e.getKey()).text(), e.getValue().text()));
    }
}
