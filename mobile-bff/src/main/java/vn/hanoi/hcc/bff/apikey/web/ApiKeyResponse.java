package vn.hanoi.hcc.bff.apikey.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.hanoi.hcc.bff.apikey.ApiKey;

/** A key as the Center sees it in a list: never the key itself. */
record ApiKeyResponse(
        UUID id,
        String clientId,
        String kind,
        List<String> scopes,
        String rateTier,
        @Schema(types = {"string", "null"}) String label,
        String keyHint,
        List<String> agencies,
        Instant createdAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        Instant revokedAt,

        boolean active) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(
                key.id(),
                key.clientId(),
                key.kind(),
                key.scopes().stream().sorted().toList(),
                key.rateTier(),
                key.label(),
                key.keyHint(),
                key.agencies().stream().sorted().toList(),
                key.createdAt(),
                key.revokedAt(),
                key.isActive());
    }
}
