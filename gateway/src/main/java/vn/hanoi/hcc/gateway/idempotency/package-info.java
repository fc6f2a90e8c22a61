/**
 * {@code Idempotency-Key} for machine clients' POSTs: the first answer is kept in Redis for 24 h,
 * keyed by client and key, and replayed to a retry with the same body; the same key with another
 * body is a 422, and a retry while the first request is in flight a 409. A 5xx or a failure is not
 * kept, so the client may retry. If Redis cannot be reached such a POST is refused (503) rather
 * than risk running twice.
 */
package vn.hanoi.hcc.gateway.idempotency;
