package vn.hanoi.hcc.contract.identity;

/**
 * The identity token's own claims, beside the registered {@code iss}, {@code aud}, {@code sub}
 * (a person's citizen ID or a machine client's id), {@code iat} and {@code exp}. A set that is
 * empty is left out rather than written empty.
 */
public final class IdentityClaims {

    /** The {@link CallerKind#label() label} of the caller's kind. */
    public static final String KIND = "kind";
    /** The client's IP address as the gateway established it (personal data). */
    public static final String CLIENT_ADDRESS = "cip";
    /** A person's roles ({@code citizen}, {@code ops}). */
    public static final String ROLES = "roles";
    /** A machine client's scopes ({@code dossiers:read}...). */
    public static final String SCOPES = "scopes";
    /** The agency codes an agent's key may file dossiers for. */
    public static final String AGENCIES = "agencies";

    private IdentityClaims() {}
}
