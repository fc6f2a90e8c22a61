package vn.hanoi.hcc.bff.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares on every operation the errors that every operation of its kind can answer, so that no
 * controller has to repeat them and none is forgotten: 400 where there is a parameter or a body
 * (an invalid or unsafe one), 401 and 403 where a credential is needed (none, or one without the
 * role, scope or kind of caller), and 503 everywhere (the database out of reach). What a
 * controller declares itself is kept.
 */
class OpenApiErrorResponses implements OpenApiCustomizer {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                declareErrors(operation);
            }
        }
    }

    private static void declareErrors(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (takesInput) {
            responses.computeIfAbsent("400", code -> problem("An invalid parameter or field, named in errors"));
        }
        if (secured) {
            responses.computeIfAbsent("401", code -> problem("No valid credentials"));
            responses.computeIfAbsent("403", code -> problem("The credentials do not allow this operation"));
        }
        responses.computeIfAbsent(
                "503",
                code -> problem("Temporarily unavailable; retry after Retry-After")
                        .headers(Map.of(
                                "Retry-After",
                                new Header().description("Seconds to wait").schema(new IntegerSchema()))));
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }
}
