/**
 * API keys of machine clients: made and revoked by the Center's staff
 * ({@code /api/v1/ops/api-keys}), resolved by hash for the gateway
 * ({@code /internal/v1/api-keys/{hash}}). Only HMAC-SHA256(pepper, key) is stored; the plain key
 * is answered once, when it is made.
 */
package vn.hanoi.hcc.bff.apikey;
