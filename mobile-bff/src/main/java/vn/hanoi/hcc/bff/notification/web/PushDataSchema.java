package vn.hanoi.hcc.bff.notification.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.notification.PushData;

/**
 * Publishes the data map of every push ({@link PushData}) in the OpenAPI document's schemas: no
 * operation answers it, but the app reads it from every notification.
 */
@Component
class PushDataSchema implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters.getInstance(true).readAll(PushData.class).forEach(openApi.getComponents()::addSchemas);
    }
}
