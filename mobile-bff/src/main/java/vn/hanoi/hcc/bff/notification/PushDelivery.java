package vn.hanoi.hcc.bff.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One push message as ops see it: where it stands, and why. The device is named by its token's end only. */
public record PushDelivery(
        long id,
        String dossierCode,
        NotificationEvent event,
        String platform,
        String tokenEnding,
        String state,
        int attempts,
        @Schema(types = {"string", "null"}) String lastError,
        Instant createdAt,
        Instant nextAttemptAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        Instant finishedAt) {}
