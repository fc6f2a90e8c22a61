package vn.hanoi.hcc.gateway.security;

import java.util.Set;
import vn.hanoi.hcc.contract.identity.CallerKind;

/**
 * A machine client as the BFF's key store describes the holder of a key.
 *
 * @param clientId the client's stable id (loggable)
 * @param kind {@code agent} or {@code system}
 * @param scopes what the key may do
 * @param rateTier which rate limits and daily quota apply
 * @param agencies the agency codes an agent may file dossiers for (none for the city system)
 */
record ApiClient(String clientId, String kind, Set<String> scopes, String rateTier, Set<String> agencies) {

    ApiClient {
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    }

    CallerKind callerKind() {
        return "system".equals(kind) ? CallerKind.SYSTEM : CallerKind.AGENT;
    }
}
