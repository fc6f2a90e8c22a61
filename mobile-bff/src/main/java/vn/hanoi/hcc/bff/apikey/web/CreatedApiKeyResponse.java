package vn.hanoi.hcc.bff.apikey.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.hanoi.hcc.bff.apikey.CreatedApiKey;

/** A key just made, with the plain key: shown this once, stored nowhere. */
record CreatedApiKeyResponse(
        UUID id,
        String clientId,
        String kind,
        List<String> scopes,
        String rateTier,
        @Schema(types = {"string", "null"}) String label,
        String keyHint,
        List<String> agencies,
        Instant createdAt,
        String apiKey) {

    static CreatedApiKeyResponse of(CreatedApiKey created) {
        ApiKeyResponse key = ApiKeyResponse.of(created.key());
        return new CreatedApiKeyResponse(
                key.id(),
                key.clientId(),
                key.kind(),
                key.scopes(),
                key.rateTier(),
                key.label(),
                key.keyHint(),
                key.agencies(),
                key.createdAt(),
                created.plainKey());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[" + id + "]";
    }
}
