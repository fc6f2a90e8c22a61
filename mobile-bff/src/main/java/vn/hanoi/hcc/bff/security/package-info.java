/**
 * The BFF trusts identity only from the gateway: every request, whatever its path, must carry the
 * gateway's internal token (HS256, seconds-long), which says who the caller is; only the OpenAPI
 * document and the actuator on its own port do without. Without a valid one the answer is a 401,
 * so the BFF cannot be used around the gateway. Controllers receive the {@link vn.hanoi.hcc.bff.security.Caller} as a parameter.
 */
package vn.hanoi.hcc.bff.security;
