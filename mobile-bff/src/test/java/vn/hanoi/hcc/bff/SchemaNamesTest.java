package vn.hanoi.hcc.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RestController;

/**
 * springdoc names a schema after the simple name of its class: two bodies called {@code Page} became one
 * schema in the published document, and {@code GET /api/v1/me/dossiers} was documented with the
 * notifications' page (the contract drill caught it). Every body type an operation reads or writes must
 * have a name of its own.
 */
class SchemaNamesTest {

    @Test
    void everyBodyTypeOfTheApiHasItsOwnSchemaName() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new HashSet<>();
        Deque<Type> pending = new ArrayDeque<>();
        for (var candidate : scanner.findCandidateComponents("vn.hanoi.hcc.bff")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                pending.add(method.getGenericReturnType());
                pending.addAll(java.util.List.of(method.getGenericParameterTypes()));
            }
        }
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(java.util.List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> clazz
                    && clazz.getName().startsWith("vn.hanoi.hcc.")
                    && bodies.add(clazz)) {
                if (clazz.isRecord()) {
                    for (RecordComponent component : clazz.getRecordComponents()) {
                        pending.add(component.getGenericType());
                    }
                }
            }
        }
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Class<?> body : bodies) {
            byName.computeIfAbsent(body.getSimpleName(), name -> new TreeSet<>())
                    .add(body.getName());
        }
        byName.values().removeIf(classes -> classes.size() < 2);

        assertThat(bodies).hasSizeGreaterThan(20);
        assertThat(byName).as("schema names shared by different classes").isEmpty();
    }
}
