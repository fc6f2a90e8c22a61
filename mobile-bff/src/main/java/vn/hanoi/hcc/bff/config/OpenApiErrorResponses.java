package vn.hanoi.hcc.bff.config;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
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
import vn.hanoi.hcc.bff.error.Problem;

/**
 * Declares on every operation the errors that every operation of its kind can answer, so that no
 * controller has to repeat them and none is forgotten: 400 where there is a parameter or a body
 * (an invalid or unsafe one), 401 and 403 where a credential is needed (none, or one without the
 * role, scope or kind of caller), and 503 everywhere (the database out of reach). What a
 * controller declares itself is kept, and every error answer, declared here or there, is a {@link
 * Problem} as {@code application/problem+json}: a controller names the code and says when, nothing
 * more ({@code @ApiResponse(responseCode = "404", description = "No such message")}).
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
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        response.content(problemJson());
                    }
                });
            }
        }
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        // The schemas of Problem and what it holds (InvalidParam), as springdoc reads any other type.
        ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(Problem.class))
                .forEach((name, schema) -> {
                    if (openApi.getComponents().getSchemas() == null
                            || !openApi.getComponents().getSchemas().containsKey(name)) {
                        openApi.getComponents().addSchemas(name, schema);
                    }
                });
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
        return new ApiResponse().description(description).content(problemJson());
    }

    private static Content problemJson() {
        return new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)));
    }
}
