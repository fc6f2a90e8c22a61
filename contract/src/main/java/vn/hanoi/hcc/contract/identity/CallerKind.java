package vn.hanoi.hcc.contract.identity;

import java.util.Locale;

/** The kinds of caller the gateway tells apart, as written in logs, metrics and the identity token. */
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

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name: the token's {@code kind} claim, a log field, a metric tag. */
    public String label() {
        return label;
    }

    /** A machine client with an API key: an agent or the city system. */
    public boolean isMachine() {
        return this == AGENT || this == SYSTEM;
    }

    /** The kind with this label; an {@link IllegalArgumentException} for any other text. */
    public static CallerKind fromLabel(String label) {
        for (CallerKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown caller kind " + label);
    }
}
