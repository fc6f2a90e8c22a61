/**
 * Who may call what. People present an OAuth2 bearer JWT (VNeID through the city's OIDC provider
 * in production, a local key in the {@code local} profile); machine clients present an
 * {@code X-Api-Key}, whose hash the BFF's key store resolves. Once authenticated, the caller is
 * handed to the BFF as a short-lived internal token signed by the gateway (the phantom-token
 * pattern); client-supplied identity headers never get through.
 */
package vn.hanoi.hcc.gateway.security;
