/**
 * The BFF trusts identity only from the gateway: every request to {@code /api/**} and
 * {@code /internal/**} must carry the gateway's internal token (HS256, seconds-long), which says who
 * the caller is. Without a valid one the answer is a 401, so the BFF cannot be used around the
 * gateway. Controllers receive the {@link vn.hanoi.hcc.bff.security.Caller} as a parameter.
 */
package vn.hanoi.hcc.bff.security;
