package vn.hanoi.hcc.gateway.caller;

import java.util.List;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * The identity of a request once authentication is over.
 *
 * @param kind what sort of caller
 * @param subject the person's {@code sub} (a citizen ID: personal data, never logged), the machine
 *        client's id, or {@code null} when anonymous
 * @param roles a person's roles ({@code citizen}, {@code ops})
 * @param scopes a machine client's scopes
 * @param agencies the agency codes an agent's key may file dossiers for
 * @param rateTier a machine client's rate tier
 * @param clientAddress the client's IP (personal data: never logged)
 */
public record Caller(CallerKind kind, String subject, Set<String> roles, Set<String> scopes, Set<String> agencies,
        String rateTier, String clientAddress) {

    /** Key of the caller in the exchange attributes. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public static final Caller ANONYMOUS = new Caller(CallerKind.ANONYMOUS, null, Set.of(), Set.of(), null, null);

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
        agencies = Set.copyOf(agencies);
    }

    /** A caller whose key binds no agency. */
    public Caller(CallerKind kind, String subject, Set<String> roles, Set<String> scopes, String rateTier,
            String clientAddress) {
        this(kind, subject, roles, scopes, Set.of(), rateTier, clientAddress);
    }

    public static Caller anonymous(String clientAddress) {
        return new Caller(CallerKind.ANONYMOUS, null, Set.of(), Set.of(), null, clientAddress);
    }

    public static Caller user(String subject, List<String> roles, String clientAddress) {
        return new Caller(CallerKind.USER, subject, Set.copyOf(roles), Set.of(), null, clientAddress);
    }

    public static Caller machine(CallerKind kind, String clientId, Set<String> scopes, Set<String> agencies,
            String rateTier, String clientAddress) {
        if (!kind.isMachine()) {
            throw new IllegalArgumentException("Not a machine kind: " + kind);
        }
        return new Caller(kind, clientId, Set.of(), scopes, agencies, rateTier, clientAddress);
    }

    /** The caller of this exchange; anonymous until authentication has run. */
    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        return caller == null ? ANONYMOUS : caller;
    }

    /** The client id of a machine client, which may be logged; nothing for a person. */
    public String loggableClientId() {
        return kind.isMachine() || kind == CallerKind.SERVICE ? subject : null;
    }

    @Override
    public String toString() {
        return "Caller[" + kind.label() + (loggableClientId() == null ? "" : " " + loggableClientId()) + "]";
    }
}
