package vn.hanoi.hcc.bff.apikey.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.hanoi.hcc.bff.apikey.ApiKey;

/** A key as the Center sees it in a list: never the key itself. */
record ApiKeyResponse(UUID id, String clientId, String kind, List<String> scopes, String rateTier, String label,
        String keyHint, Instant createdAt, Instant revokedAt, boolean active) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.id(), key.clientId(), key.kind(), key.scopes().stream().sorted().toList(),
                key.rateTier(), key.label(), key.keyHint(), key.createdAt(), key.revokedAt(), key.isActive());
    }
}
