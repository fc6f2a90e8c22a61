/**
 * Travel times from a citizen to service points: an OSRM-compatible table service when one is
 * configured for the mode (behind a circuit breaker and a timeout), otherwise, and whenever it
 * fails, the heuristic model (geodesic distance × detour factor ÷ the mode's speed at that hour in
 * Asia/Ho_Chi_Minh, plus a fixed overhead). Each time says how it was obtained.
 */
package vn.hanoi.hcc.bff.routing;
