package vn.hanoi.hcc.bff.apikey.web;

import java.util.Set;
import vn.hanoi.hcc.bff.apikey.NewApiKey;

/**
 * {@code POST /api/v1/ops/api-keys}: the key to make.
 *
 * @param agencies the agency codes an agent files dossiers for (required for kind agent; left out
 *        for the city system, which files for every agency)
 */
record CreateApiKeyRequest(
        String clientId, String kind, Set<String> scopes, String rateTier, String label, Set<String> agencies) {

    NewApiKey toNewKey() {
        return new NewApiKey(clientId, kind, scopes, rateTier, label, agencies);
    }
}
