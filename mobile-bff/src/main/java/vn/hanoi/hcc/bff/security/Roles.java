package vn.hanoi.hcc.bff.security;

/**
 * The roles a person's token may carry that an operation needs: the gateway refuses a token without
 * it, and the BFF checks it again. An operation's {@code @SecurityRequirement(name = "bearer", scopes =
 * Roles.OPS)} names it in the OpenAPI document (OpenAPI 3.1 lets an HTTP scheme's requirement list role
 * names).
 */
public final class Roles {

    public static final String OPS = "ops";

    private Roles() {}
}
