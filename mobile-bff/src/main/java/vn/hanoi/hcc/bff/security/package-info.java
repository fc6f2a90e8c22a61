/**
 * The BFF trusts identity only from the gateway: every request, whatever its path, must carry the
 * gateway's identity token (HS256, seconds-long; checked by the contract module's
 * {@code IdentityTokenVerifier}), which says who the caller is; only the OpenAPI document and the
 * actuator on its own port do without. Without a valid one the answer is a 401, so the BFF cannot
 * be used around the gateway. Controllers receive the {@link vn.hanoi.hcc.bff.security.Caller} as a
 * parameter, which says what the caller may do here.
 */
package vn.hanoi.hcc.bff.security;
