package vn.hanoi.hcc.bff.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A machine client's key, without the key.
 *
 * @param keyHint the first characters of the key, to recognise it
 * @param agencies the agency codes an agent's key may file dossiers for; none for the city system,
 *        which files for any
 * @param revokedAt when it was revoked, or {@code null} while it works
 */
public record ApiKey(
        UUID id,
        String clientId,
        String kind,
        Set<String> scopes,
        String rateTier,
        String label,
        String keyHint,
        Set<String> agencies,
        Instant createdAt,
        Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
