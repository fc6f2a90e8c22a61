package vn.hanoi.hcc.bff.security;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of caller the gateway vouches for. */
public enum CallerKind {
    ANONYMOUS, USER, AGENT, SYSTEM, SERVICE;

    static CallerKind fromLabel(String label) {
        return Arrays.stream(values())
                .filter(kind -> kind.name().toLowerCase(Locale.ROOT).equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown caller kind " + label));
    }
}
