package vn.hanoi.hcc.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every rendered object to the API schema of its {@code apiVersion} and {@code kind}, as the
 * API server would with {@code kubectl apply --validate=strict}: an unknown field (a misspelling
 * included), a value of the wrong type, or a kind with no schema is a violation naming the object and
 * the path, for instance {@code Deployment/gateway: spec.template.spec.containers[0].imagePullPolicyy:
 * unknown field}.
 *
 * <p>The schema is fabric8's Kubernetes model (the root pom pins the release generated from the
 * Kubernetes 1.32 API, and the Prometheus Operator's {@code monitoring.coreos.com/v1} types of the same
 * release), read through Jackson's view of it: each object's properties and their types, walked
 * along the rendered document. fabric8 keeps unknown fields in {@code additionalProperties} rather than
 * refusing them, so the walk, not a plain deserialisation, is what refuses them. Types with a
 * deserialiser of their own (IntOrString, Quantity, ...) are handed to it.
 *
 * <p>CloudNativePG's kinds are not in it: {@link CloudNativePgModel} checks them.
 */
final class SchemaCheck {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The core group's ({@code v1}) kinds: those a kustomization renders, and their neighbours. */
    private static final List<String> CORE_KINDS = List.of(
            "ConfigMap",
            "Secret",
            "Service",
            "ServiceAccount",
            "PersistentVolumeClaim",
            "Pod",
            "Namespace",
            "LimitRange",
            "ResourceQuota",
            "Endpoints");

    private static final Map<String, Class<?>> SCHEMAS = schemas();
    private static final Map<JavaType, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();

    private final List<K8sObject> objects;

    SchemaCheck(List<K8sObject> objects) {
        this.objects = objects;
    }

    /** "apiVersion Kind" of an object, as the schemas are keyed. */
    static String typeOf(K8sObject object) {
        return object.body().at("apiVersion").text() + " " + object.kind();
    }

    /** Whether this build holds a schema for the object's apiVersion and kind. */
    static boolean hasSchema(String type) {
        return SCHEMAS.containsKey(type);
    }

    /** Every departure from the schemas, one line each; a kind without a schema is one. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (K8sObject object : objects) {
            String type = typeOf(object);
            Class<?> schema = SCHEMAS.get(type);
            if (schema == null) {
                if (!CloudNativePgModel.covers(type)) {
                    violations.add(object.ref() + ": no schema for " + type);
                }
                continue;
            }
            check(MAPPER.constructType(schema), object.body().value(), "", object.ref(), violations);
        }
        return violations;
    }

    /**
     * The types rendered that fabric8's model has no schema for: only CloudNativePG's may be, which
     * {@link CloudNativePgModel} checks (no Java model of them is on a reachable registry).
     */
    Set<String> unchecked() {
        Set<String> types = new TreeSet<>();
        objects.stream().map(SchemaCheck::typeOf).filter(t -> !hasSchema(t)).forEach(types::add);
        return types;
    }

    private static void check(JavaType type, Object value, String path, String ref, List<String> violations) {
        if (value == null) {
            return; // YAML's null: the field left unset, as the API server reads it
        }
        Class<?> raw = type.getRawClass();
        String where = ref + ": " + (path.isEmpty() ? "(the object)" : path);
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return; // free-form: x-kubernetes-preserve-unknown-fields, or any JSON
        }
        if (raw == String.class) {
            expect(value instanceof String, value, "a string", where, violations);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expect(
                    value instanceof Integer || value instanceof Long || value instanceof BigInteger,
                    value,
                    "an integer",
                    where,
                    violations);
        } else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            expect(value instanceof Number, value, "a number", where, violations);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(value instanceof Boolean, value, "a boolean", where, violations);
        } else if (raw == IntOrString.class) {
            expect(
                    value instanceof Integer || value instanceof String,
                    value,
                    "an integer or a string",
                    where,
                    violations);
        } else if (raw == Quantity.class) {
            expect(value instanceof String || value instanceof Number, value, "a quantity", where, violations);
        } else if (type.isMapLikeType()) {
            if (expect(value instanceof Map<?, ?>, value, "a map", where, violations)) {
                ((Map<?, ?>) value)
                        .forEach((k, v) ->
                                check(type.getContentType(), v, join(path, String.valueOf(k)), ref, violations));
            }
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            if (expect(value instanceof List<?>, value, "a list", where, violations)) {
                List<?> items = (List<?>) value;
                for (int i = 0; i < items.size(); i++) {
                    check(type.getContentType(), items.get(i), path + "[" + i + "]", ref, violations);
                }
            }
        } else if (raw.isEnum() || ownDeserializer(raw)) {
            try {
                MAPPER.convertValue(value, type);
            } catch (IllegalArgumentException e) {
                violations.add(where + ": " + firstLine(e.getMessage()));
            }
        } else if (expect(
                value instanceof Map<?, ?>, value, "an object (" + raw.getSimpleName() + ")", where, violations)) {
            Map<String, JavaType> properties = properties(type);
            ((Map<?, ?>) value).forEach((k, v) -> {
                String field = String.valueOf(k);
                JavaType fieldType = properties.get(field);
                if (fieldType == null) {
                    violations.add(ref + ": " + join(path, field) + ": unknown field (" + raw.getSimpleName()
                            + " has no such field)");
                } else {
                    check(fieldType, v, join(path, field), ref, violations);
                }
            });
        }
    }

    private static boolean expect(boolean ok, Object value, String what, String where, List<String> violations) {
        if (!ok) {
            String got = value instanceof Map<?, ?>
                    ? "a map"
                    : value instanceof Collection<?>
                            ? "a list"
                            : value.getClass().getSimpleName() + " " + value;
            violations.add(where + ": expected " + what + ", found " + got);
        }
        return ok;
    }

    private static boolean ownDeserializer(Class<?> raw) {
        JsonDeserialize annotation = raw.getAnnotation(JsonDeserialize.class);
        return annotation != null && annotation.using() != com.fasterxml.jackson.databind.JsonDeserializer.None.class;
    }

    /** The JSON names of a model type's properties and their types, as Jackson reads them. */
    private static Map<String, JavaType> properties(JavaType type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            BeanDescription description = MAPPER.getDeserializationConfig().introspect(t);
            Map<String, JavaType> properties = new HashMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (property.couldDeserialize() || property.hasGetter()) {
                    properties.put(property.getName(), property.getPrimaryType());
                }
            }
            return properties;
        });
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Every top-level type of the model on the classpath, keyed "apiVersion Kind". */
    private static Map<String, Class<?>> schemas() {
        Map<String, Class<?>> schemas = new HashMap<>();
        for (KubernetesResource resource : ServiceLoader.load(KubernetesResource.class)) {
            register(schemas, resource.getClass());
        }
        // The core group's kinds are not listed for the ServiceLoader; fabric8 names them by kind.
        for (String kind : CORE_KINDS) {
            try {
                register(schemas, Class.forName("io.fabric8.kubernetes.api.model." + kind));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("fabric8's model has no core kind " + kind, e);
            }
        }
        return Map.copyOf(schemas);
    }

    private static void register(Map<String, Class<?>> schemas, Class<?> type) {
        if (HasMetadata.class.isAssignableFrom(type)) {
            @SuppressWarnings("unchecked")
            Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
            String group = HasMetadata.getGroup(resource);
            String version = HasMetadata.getVersion(resource);
            String apiVersion = group == null || group.isEmpty() ? version : group + "/" + version;
            schemas.put(apiVersion + " " + HasMetadata.getKind(resource), type);
        }
    }
}
