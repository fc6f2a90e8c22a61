package vn.hanoi.hcc.gateway.caller;

/** The kinds of caller, as written in logs, metrics and the internal identity token. */
public enum CallerKind {
    /** No credentials: public routes only. */
    ANONYMOUS,
    /** A person signed in with a bearer token: a citizen, or Center staff with the {@code ops} role. */
    USER,
    /** An online public-service agent, with an API key. */
    AGENT,
    /** The city's dossier-processing system, with an API key. */
    SYSTEM,
    /** The gateway itself, calling the BFF on its own behalf. */
    SERVICE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isMachine() {
        return this == AGENT || this == SYSTEM;
    }
}
