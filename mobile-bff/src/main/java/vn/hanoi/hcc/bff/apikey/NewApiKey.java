package vn.hanoi.hcc.bff.apikey;

import java.util.Set;

/**
 * What the Center asks for when it makes a key.
 *
 * @param agencies the agency codes an agent's key may file dossiers for (none for the city system)
 */
public record NewApiKey(
        String clientId, String kind, Set<String> scopes, String rateTier, String label, Set<String> agencies) {}
