/**
 * Redis for the BFF's caches and counters: one shared Lettuce connection opened asynchronously
 * (no event loop ever waits for it), commands rejected at once while it reconnects, and callers
 * that fall back to PostgreSQL whenever Redis does not answer in time. Losing Redis never loses
 * data; it only makes reads slower.
 */
package vn.hanoi.hcc.bff.cache;
