/**
 * {@code Idempotency-Key} for machine clients' POSTs: the first answer is kept in Redis for 24 h,
 * keyed by client and key, sealed so that Redis alone reveals nothing ({@code AnswerSeal}), and
 * replayed to a retry with the same method, path, query and body; the same key with another request
 * is a 422, and a retry while the first request is in flight a 409. No body is ever held whole:
 * the key is claimed before the body is read, and the body is hashed as it streams
 * ({@code IdempotencyGlobalFilter} says in which order). Each client may have a bounded number of
 * such requests in flight per replica (429 beyond). A 5xx or a failure is not kept, so the client
 * may retry. If Redis cannot be reached such a POST is refused (503) rather than risk running twice.
 */
package vn.hanoi.hcc.gateway.idempotency;
