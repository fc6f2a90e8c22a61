package vn.hanoi.hcc.contract.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the identity token says it: what the gateway established and the BFF trusts.
 *
 * @param kind what sort of caller
 * @param subject a person's {@code sub} (a citizen ID: personal data, never logged), a machine
 *        client's id, or {@code null} when anonymous
 * @param roles a person's roles
 * @param scopes a machine client's scopes
 * @param agencies the agency codes an agent's key may file dossiers for (none for the city system,
 *        which files for any)
 * @param clientAddress the client's IP as the gateway saw it (personal data: never logged)
 */
public record Identity(
        CallerKind kind,
        String subject,
        Set<String> roles,
        Set<String> scopes,
        Set<String> agencies,
        String clientAddress) {

    public Identity {
        Objects.requireNonNull(kind, "kind");
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        agencies = Set.copyOf(agencies);
    }

    /** The kind only: the subject and the address are personal data. */
    @Override
    public String toString() {
        return "Identity[" + kind.label() + "]";
    }
}
