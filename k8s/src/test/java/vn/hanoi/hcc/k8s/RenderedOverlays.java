package vn.hanoi.hcc.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overlays' objects, each rendered once per test JVM, handed out as fresh copies that a test may
 * change (inject a fault into) without touching what the next test reads.
 */
final class RenderedOverlays {

    private static final Path OVERLAYS = Path.of(System.getProperty("basedir", "."), "overlays");
    private static final Map<String, List<K8sObject>> RENDERED = new ConcurrentHashMap<>();

    private RenderedOverlays() {}

    /** The overlay's objects, a copy free to change. */
    static List<K8sObject> render(Kustomize kustomize, String overlay) throws Exception {
        if (!RENDERED.containsKey(overlay)) {
            RENDERED.put(overlay, kustomize.render(OVERLAYS.resolve(overlay)));
        }
        return RENDERED.get(overlay).stream()
                .map(o -> K8sObject.of(new YamlNode(copy(o.body().value()))))
                .toList();
    }

    /** One object of the overlay, a copy free to change. */
    static K8sObject render(Kustomize kustomize, String overlay, String kind, String name) throws Exception {
        return render(kustomize, overlay).stream()
                .filter(o -> o.kind().equals(kind) && o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + "/" + name));
    }

    /** The overlay's objects with these in place of the rendered ones of the same name. */
    static List<K8sObject> with(Kustomize kustomize, String overlay, K8sObject... changed) throws Exception {
        List<K8sObject> objects = new ArrayList<>(render(kustomize, overlay));
        for (K8sObject object : changed) {
            objects.removeIf(o -> o.ref().equals(object.ref()));
            objects.add(object);
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> map, String key) {
        return (List<Object>) map.get(key);
    }

    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(RenderedOverlays::copy).toList());
        }
        return node;
    }
}
