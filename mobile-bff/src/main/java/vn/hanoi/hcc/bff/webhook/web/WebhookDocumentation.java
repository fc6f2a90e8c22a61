package vn.hanoi.hcc.bff.webhook.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import vn.hanoi.hcc.bff.webhook.WebhookPayload;

/**
 * The messages an agent's webhook receives, in the OpenAPI 3.1 document's {@code webhooks}: one per
 * message type, its body a {@link WebhookPayload}, its Standard Webhooks headers, and what the receiver
 * answers (any 2xx is delivered; anything else is retried with backoff, then dead-lettered).
 */
@Component
class WebhookDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters.getInstance(true).readAll(WebhookPayload.class).forEach(openApi.getComponents()::addSchemas);
        openApi.addWebhooks(WebhookPayload.STATUS_CHANGED, message("A dossier the agent filed changed status"));
        openApi.addWebhooks(WebhookPayload.DUE_EXTENDED, message("A dossier the agent filed is due later"));
    }

    private static PathItem message(String summary) {
        return new PathItem()
                .post(new Operation()
                        .summary(summary)
                        .description(
                                "POSTed to the agent's webhook (PUT /api/v1/agent/webhook), signed with its secret.")
                        .tags(List.of("Agents"))
                        .parameters(List.of(
                                header(
                                        "webhook-id",
                                        "The message's id, the same on every retry: deduplicate on it",
                                        new StringSchema()),
                                header(
                                        "webhook-timestamp",
                                        "Unix seconds when it was sent: refuse old ones",
                                        new IntegerSchema()),
                                header(
                                        "webhook-signature",
                                        "v1,<base64 of HMAC-SHA256 over webhook-id.webhook-timestamp.body>",
                                        new StringSchema())))
                        .requestBody(new RequestBody()
                                .required(true)
                                .content(new Content()
                                        .addMediaType(
                                                "application/json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/WebhookPayload")))))
                        .responses(new ApiResponses()
                                .addApiResponse("200", new ApiResponse().description("Received (any 2xx)"))));
    }

    private static Parameter header(String name, String description, Schema<?> schema) {
        return new HeaderParameter()
                .name(name)
                .required(true)
                .description(description)
                .schema(schema);
    }
}
