package vn.hanoi.hcc.bff.seed;

import java.util.List;

/**
 * The demo API keys of the {@code local} profile: published in the READMEs and printed by
 * run-local.sh, so valid nowhere else.
 */
final class DemoApiKeys {

    static final String SYSTEM = "dev-system-key";
    static final String AGENT = "dev-agent-key";
    static final List<String> ALL = List.of(SYSTEM, AGENT);

    private DemoApiKeys() {}
}
