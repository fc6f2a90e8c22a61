package vn.hanoi.hcc.bff.security;

import java.util.List;
import vn.hanoi.hcc.bff.error.ForbiddenException;
import vn.hanoi.hcc.bff.error.Problem;
import vn.hanoi.hcc.bff.error.UnauthenticatedException;
import vn.hanoi.hcc.contract.identity.CallerKind;
import vn.hanoi.hcc.contract.identity.Identity;

/**
 * Who is calling, as the gateway's identity token says, and what that allows here.
 *
 * @param identity what the token says (the contract's {@link Identity})
 */
public record Caller(Identity identity) {

    /** A person's {@code sub} (citizen ID: personal data, never logged), a machine client's id, or {@code null}. */
    public String subject() {
        return identity.subject();
    }

    /** The client's IP as the gateway saw it (personal data: never logged). */
    public String clientAddress() {
        return identity.clientAddress();
    }

    /** This caller, if it is a person with the role; otherwise a 403 (401 for anonymous). */
    public Caller requireRole(String role) {
        if (kind() == CallerKind.ANONYMOUS) {
            throw new UnauthenticatedException("Sign in first");
        }
        if (kind() != CallerKind.USER || !identity.roles().contains(role)) {
            throw new ForbiddenException("This operation needs the role " + role);
        }
        return this;
    }

    /** This caller, if it is a signed-in person: their citizen ID is the subject. */
    public Caller requirePerson() {
        if (kind() == CallerKind.ANONYMOUS) {
            throw new UnauthenticatedException("Sign in first");
        }
        if (kind() != CallerKind.USER || subject() == null) {
            throw new ForbiddenException("This operation is for the applicant");
        }
        return this;
    }

    /** This caller, if it is a machine client (an agent or the city system). */
    public Caller requireMachine() {
        if (!kind().isMachine()) {
            throw new ForbiddenException("This operation is for the city system and agents");
        }
        return this;
    }

    /**
     * This caller, if it is a machine client whose key has the scope; a 403 otherwise. The gateway
     * checks scopes per route; this is the second check, per operation.
     */
    public Caller requireScope(String scope) {
        requireMachine();
        if (!identity.scopes().contains(scope)) {
            throw new ForbiddenException("This operation needs the scope " + scope);
        }
        return this;
    }

    /**
     * This caller, if it may file dossiers for the agency: the city system for any, an agent for
     * those its key names; a 403 naming {@code agencyCode} otherwise.
     */
    public Caller requireAgency(String agencyCode) {
        requireMachine();
        if (kind() == CallerKind.AGENT && !identity.agencies().contains(agencyCode)) {
            throw new ForbiddenException(
                    "This key may not file dossiers for the agency " + agencyCode,
                    List.of(new Problem.InvalidParam("agencyCode", "is not one of the agencies of this key")));
        }
        return this;
    }

    /** Whether this caller sees every dossier (the city system) or only those it filed. */
    public boolean seesAllDossiers() {
        return kind() == CallerKind.SYSTEM;
    }

    /** This caller, if it is the gateway calling on its own behalf. */
    public Caller requireService() {
        if (kind() != CallerKind.SERVICE) {
            throw new ForbiddenException("Internal operation");
        }
        return this;
    }

    private CallerKind kind() {
        return identity.kind();
    }

    @Override
    public String toString() {
        return "Caller[" + kind() + "]"; // the subject may be a citizen ID: never printed
    }
}
