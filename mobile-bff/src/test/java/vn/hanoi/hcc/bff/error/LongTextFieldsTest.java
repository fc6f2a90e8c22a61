package vn.hanoi.hcc.bff.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.AbstractJacksonDecoder;
import org.springframework.http.codec.DecoderHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.json.JsonMapper;
import vn.hanoi.hcc.bff.BffIntegrationTest;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * Every text field of every request body, found by walking the controllers' body types, sent as
 * long as the JSON codec accepts (its own limit, read from it): always a 400 problem (or, in a
 * batch, that event refused), never a 5xx or a dropped connection. {@code (x|\n)*} once overflowed
 * the stack on such a field.
 */
class LongTextFieldsTest extends BffIntegrationTest {

    private static final Map<String, String> PATH_VALUES =
            Map.of("code", "H26.99-251122-0001", "date", "2030-01-02", "id", "LIMITS-1");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RequestMappingHandlerMapping mappings;

    @Autowired
    ServerCodecConfigurer codecs;

    @TestFactory
    Stream<DynamicTest> answersEveryTextFieldAtTheBodyLimitWithAProblem() {
        int limit = codecLimit();
        List<Field> fields = textFields();
        assertThat(fields)
                .extracting(Field::name)
                .contains("comment", "note", "reason", "events[].note", "events[].reason", "url", "label", "name");
        return fields.stream().map(field -> DynamicTest.dynamicTest(field.toString(), () -> send(field, limit)));
    }

    private void send(Field field, int limit) throws Exception {
        int skeleton = JSON.writeValueAsBytes(field.body("")).length;
        String text = "a".repeat(limit - skeleton - 16);
        byte[] body = JSON.writeValueAsBytes(field.body(text));
        assertThat(body.length).isLessThan(limit);

        // a refused batch event is reported with its code and eventId, however long: read it whole
        EntityExchangeResult<String> result = as(tokenFor(field.path()))
                .mutate()
                .codecs(configurer -> configurer.defaultCodecs().maxInMemorySize(2 * limit))
                .build()
                .method(field.httpMethod())
                .uri(field.path())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();

        int status = result.getStatus().value();
        if (field.path().endsWith("/events:batch")) {
            assertThat(status).as(field.toString()).isEqualTo(200);
            assertThat(result.getResponseBody()).contains("\"refused\":1");
        } else {
            assertThat(status).as(field.toString()).isEqualTo(400);
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private int codecLimit() {
        return codecs.getReaders().stream()
                .filter(DecoderHttpMessageReader.class::isInstance)
                .map(reader -> ((DecoderHttpMessageReader<?>) reader).getDecoder())
                .filter(AbstractJacksonDecoder.class::isInstance)
                .mapToInt(decoder -> ((AbstractJacksonDecoder<?>) decoder).getMaxInMemorySize())
                .findFirst()
                .orElseThrow();
    }

    private static String tokenFor(String path) {
        if (path.startsWith("/api/v1/ops/") || path.startsWith("/api/v1/coverage")) {
            return TestIdentityTokens.ops("staff-limits");
        }
        if (path.startsWith("/api/v1/me/")) {
            return TestIdentityTokens.citizen("001099000042");
        }
        return path.startsWith("/api/v1/agent/")
                ? TestIdentityTokens.system("limits-system")
                : TestIdentityTokens.anonymous();
    }

    /** Every String in every {@code @RequestBody} type, nested records and lists included. */
    private List<Field> textFields() {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                for (PathPattern pattern :
                        mapping.getKey().getPatternsCondition().getPatterns()) {
                    String path = pattern.getPatternString();
                    for (String name : PATH_VALUES.keySet()) {
                        path = path.replace("{" + name + "}", PATH_VALUES.get(name));
                    }
                    for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                        collect(
                                parameter.getParameterType(),
                                "",
                                method.asHttpMethod().name(),
                                path,
                                fields);
                    }
                }
            }
        }
        return fields;
    }

    private static void collect(Class<?> type, String prefix, String method, String path, List<Field> fields) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + component.getName();
            Type generic = component.getGenericType();
            if (component.getType() == String.class) {
                fields.add(new Field(method, path, name));
            } else if (component.getType().isRecord()) {
                collect(component.getType(), name + ".", method, path, fields);
            } else if (Collection.class.isAssignableFrom(component.getType())
                    && generic instanceof ParameterizedType collection) {
                Type element = collection.getActualTypeArguments()[0];
                if (element == String.class) {
                    fields.add(new Field(method, path, name + "[]"));
                } else if (element instanceof Class<?> record && record.isRecord()) {
                    collect(record, name + "[].", method, path, fields);
                }
            }
        }
    }

    /** A text field of a body: {@code events[].note} is {@code note} in the first of the events. */
    private record Field(String method, String path, String name) {

        Object body(String text) {
            return nest(List.of(name.split("\\.")), text);
        }

        private static Object nest(List<String> steps, String text) {
            String step = steps.get(0);
            boolean list = step.endsWith("[]");
            Object inner = steps.size() == 1 ? text : nest(steps.subList(1, steps.size()), text);
            Map<String, Object> object = new LinkedHashMap<>();
            object.put(list ? step.substring(0, step.length() - 2) : step, list ? List.of(inner) : inner);
            return object;
        }

        HttpMethod httpMethod() {
            return HttpMethod.valueOf(method);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + name;
        }
    }
}
