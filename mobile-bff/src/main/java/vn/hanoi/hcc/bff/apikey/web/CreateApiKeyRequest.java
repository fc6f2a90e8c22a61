package vn.hanoi.hcc.bff.apikey.web;

import java.util.Set;
import vn.hanoi.hcc.bff.apikey.NewApiKey;

/** {@code POST /api/v1/ops/api-keys}: the key to make. */
record CreateApiKeyRequest(String clientId, String kind, Set<String> scopes, String rateTier, String label) {

    NewApiKey toNewKey() {
        return new NewApiKey(clientId, kind, scopes, rateTier, label);
    }
}
