package vn.hanoi.hcc.bff.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One webhook message as ops see it: whose, which change, where it stands and why. The target URL
 * and the secret are not shown; the body holds no personal data but is left out too (it is the
 * dossier's code, status and version, all shown here).
 */
public record WebhookDelivery(
        long id,
        String clientId,
        String dossierCode,
        String messageId,
        String type,
        int status,
        long version,
        String state,
        int attempts,
        @Schema(types = {"string", "null"}) String lastError,
        Instant createdAt,
        Instant nextAttemptAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        Instant finishedAt) {}
