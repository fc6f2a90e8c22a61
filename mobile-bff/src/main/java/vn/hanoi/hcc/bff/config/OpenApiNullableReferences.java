package vn.hanoi.hcc.bff.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes a nested object that may be {@code null} say so in a way JSON Schema 2020-12 means it.
 * springdoc writes {@code @Schema(types = {"object", "null"})} on a record component as
 * {@code {"type": ["object", "null"], "$ref": ...}}, and a {@code $ref} applies beside its siblings:
 * the referenced schema (an object) still refuses {@code null}. Such a property becomes
 * {@code {"anyOf": [{"$ref": ...}, {"type": "null"}]}}, keeping its description.
 */
class OpenApiNullableReferences implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.replaceAll((name, property) -> nullableReference(property));
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullableReference(Schema property) {
        Set<String> types = property.getTypes();
        if (property.get$ref() == null || types == null || !types.contains("null")) {
            return property;
        }
        Schema reference = new Schema().$ref(property.get$ref());
        Schema nothing = new Schema();
        nothing.addType("null");
        return new Schema().anyOf(List.of(reference, nothing)).description(property.getDescription());
    }
}
