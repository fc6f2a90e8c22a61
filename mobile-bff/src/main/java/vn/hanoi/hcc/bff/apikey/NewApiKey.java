package vn.hanoi.hcc.bff.apikey;

import java.util.Set;

/** What the Center asks for when it makes a key. */
public record NewApiKey(String clientId, String kind, Set<String> scopes, String rateTier, String label) {
}
