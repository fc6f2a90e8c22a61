/**
 * Tracing at the front door: whose W3C {@code traceparent} is believed ({@link
 * vn.hanoi.hcc.gateway.tracing.TrustedCallersPropagator}), and the one the BFF gets ({@link
 * vn.hanoi.hcc.gateway.tracing.TraceHeadersFilter}). The request's span is the server observation
 * Spring WebFlux already makes for {@code http.server.requests}.
 */
package vn.hanoi.hcc.gateway.tracing;
