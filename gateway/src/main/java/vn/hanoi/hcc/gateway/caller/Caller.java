package vn.hanoi.hcc.gateway.caller;

import java.util.List;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;
import vn.hanoi.hcc.contract.identity.CallerKind;
import vn.hanoi.hcc.contract.identity.Identity;

/**
 * The identity of a request once authentication is over: what the identity token tells the BFF,
 * and the rate tier, which only the gateway uses.
 *
 * @param identity the caller's kind, subject, roles, scopes, agencies and client address (the
 *        contract's {@link Identity}; a person's subject and the address are personal data, never logged)
 * @param rateTier a machine client's rate tier
 */
public record Caller(Identity identity, String rateTier) {

    /** Key of the caller in the exchange attributes. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public static final Caller ANONYMOUS = anonymous(null);

    public static Caller anonymous(String clientAddress) {
        return new Caller(new Identity(CallerKind.ANONYMOUS, null, Set.of(), Set.of(), Set.of(), clientAddress), null);
    }

    public static Caller user(String subject, List<String> roles, String clientAddress) {
        return new Caller(
                new Identity(CallerKind.USER, subject, Set.copyOf(roles), Set.of(), Set.of(), clientAddress), null);
    }

    public static Caller machine(
            CallerKind kind,
            String clientId,
            Set<String> scopes,
            Set<String> agencies,
            String rateTier,
            String clientAddress) {
        if (!kind.isMachine()) {
            throw new IllegalArgumentException("Not a machine kind: " + kind);
        }
        return new Caller(new Identity(kind, clientId, Set.of(), scopes, agencies, clientAddress), rateTier);
    }

    /** The gateway itself, calling the BFF on its own behalf under this name. */
    public static Caller service(String name) {
        return new Caller(new Identity(CallerKind.SERVICE, name, Set.of(), Set.of(), Set.of(), null), null);
    }

    /** The caller of this exchange; anonymous until authentication has run. */
    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        return caller == null ? ANONYMOUS : caller;
    }

    public CallerKind kind() {
        return identity.kind();
    }

    /** A person's {@code sub} (personal data), a machine client's id, or {@code null} when anonymous. */
    public String subject() {
        return identity.subject();
    }

    /** The client's IP (personal data: never logged). */
    public String clientAddress() {
        return identity.clientAddress();
    }

    /** The client id of a machine client, which may be logged; nothing for a person. */
    public String loggableClientId() {
        return kind().isMachine() || kind() == CallerKind.SERVICE ? subject() : null;
    }

    @Override
    public String toString() {
        return "Caller[" + kind().label() + (loggableClientId() == null ? "" : " " + loggableClientId()) + "]";
    }
}
