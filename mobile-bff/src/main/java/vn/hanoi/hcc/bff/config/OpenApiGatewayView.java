package vn.hanoi.hcc.bff.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.TreeMap;

/**
 * The document as a client sees the API through the gateway, the one published
 * ({@code docs/openapi.yaml}, served by the gateway at {@code /api/v1/openapi.yaml}):
 * <ul>
 * <li>the public servers;</li>
 * <li>per operation, what its credential must carry, as {@code x-required-scope} (an API key's scope)
 *     or {@code x-required-role} (a person's role), read from its {@code @SecurityRequirement};</li>
 * <li>the gateway's rate limit on every operation: {@code RateLimit-*} headers on its successes, and
 *     a 429 with {@code Retry-After};</li>
 * <li>{@code Idempotency-Key} on the POSTs of API-key callers, the ones the gateway honours it on, with
 *     the 409 (same key in flight) and 422 (same key, another request) it answers.</li>
 * </ul>
 * The gateway's own rules are checked against this: {@code OpenApiTest} (the scopes against
 * {@code hcc.gateway.api-keys.scope-rules}) and the gateway's {@code PublishedContractTest} (every
 * operation's credential against the running security chain).
 */
class OpenApiGatewayView implements org.springdoc.core.customizers.OpenApiCustomizer {

    static final String REQUIRED_SCOPE = "x-required-scope";
    static final String REQUIRED_ROLE = "x-required-role";

    private static final String API_KEY = "apiKey";
    private static final String BEARER = "bearer";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.servers(List.of(
                new Server().url("https://api.hcc.hanoi.gov.vn").description("Production"),
                new Server().url("https://api.dev.hcc.hanoi.gov.vn").description("Development"),
                new Server().url("http://localhost:8080").description("Local run (./run-local.sh)")));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    requiredCredential(operation);
                    rateLimited(operation);
                    if (method == PathItem.HttpMethod.POST && needs(operation, API_KEY)) {
                        idempotent(operation);
                    }
                }));
    }

    private static void requiredCredential(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        for (SecurityRequirement requirement : operation.getSecurity()) {
            requirement.forEach((scheme, scopes) -> {
                if (!scopes.isEmpty()) {
                    operation.addExtension(
                            API_KEY.equals(scheme) ? REQUIRED_SCOPE : REQUIRED_ROLE, String.join(" ", scopes));
                }
            });
        }
    }

    private static boolean needs(Operation operation, String scheme) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> requirement.containsKey(scheme));
    }

    private static void rateLimited(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                rateLimitHeaders(response);
            }
        });
        operation.getResponses().computeIfAbsent("429", status -> {
            ApiResponse tooMany =
                    OpenApiErrorResponses.problem("Over the caller's rate limit (or, for an idempotent POST, too many "
                            + "such requests in flight); retry after Retry-After");
            rateLimitHeaders(tooMany);
            return tooMany.addHeaderObject("Retry-After", integerHeader("Seconds to wait"));
        });
    }

    private static void rateLimitHeaders(ApiResponse response) {
        response.addHeaderObject("RateLimit-Limit", integerHeader("The size of the caller's bucket"));
        response.addHeaderObject("RateLimit-Remaining", integerHeader("Requests left in the bucket"));
        response.addHeaderObject("RateLimit-Reset", integerHeader("Seconds until the bucket is full again"));
        // one order whatever order the headers were added in
        response.setHeaders(new TreeMap<>(response.getHeaders()));
    }

    private static void idempotent(Operation operation) {
        operation.addParametersItem(new HeaderParameter()
                .name("Idempotency-Key")
                .required(false)
                .description("Makes a retry safe: the same key with the same request within 24 h gets the "
                        + "first answer again (with Idempotent-Replayed: true) instead of running twice")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(
                        "Idempotent-Replayed",
                        new Header()
                                .description("true when this is the recorded answer of an earlier request")
                                .schema(new StringSchema()._enum(List.of("true"))));
                response.setHeaders(new TreeMap<>(response.getHeaders()));
            }
        });
        operation
                .getResponses()
                .computeIfAbsent(
                        "409",
                        status -> OpenApiErrorResponses.problem(
                                "A request with this Idempotency-Key is still in flight"));
        operation
                .getResponses()
                .computeIfAbsent(
                        "422",
                        status -> OpenApiErrorResponses.problem("This Idempotency-Key was used for another request"));
    }

    private static Header integerHeader(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }
}
