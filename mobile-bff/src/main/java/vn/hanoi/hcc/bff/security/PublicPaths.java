package vn.hanoi.hcc.bff.security;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only paths the BFF answers without the gateway's identity: its OpenAPI document and the
 * Swagger UI that reads it. A path is public only as sent, already canonical: plain segments, none
 * empty, none starting with a dot, nothing percent-encoded and no {@code ;} parameters. Any other
 * spelling ({@code /%61pi/...}, {@code //api/...}, {@code /api/./v1/...}, {@code /api;x/...}) may
 * decode or normalize to something the handler mappings serve, so it needs the identity like any
 * API path: what the filter cannot be sure of, it denies.
 */
final class PublicPaths {

    private static final Pattern CANONICAL = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Set<String> EXACT = Set.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html");
    private static final List<String> UNDER = List.of("/v3/api-docs/", "/webjars/swagger-ui/");

    private PublicPaths() {}

    /** Whether the raw (still encoded) path is one of the public ones, spelt canonically. */
    static boolean isPublic(String rawPath) {
        return CANONICAL.matcher(rawPath).matches()
                && (EXACT.contains(rawPath) || UNDER.stream().anyMatch(rawPath::startsWith));
    }
}
