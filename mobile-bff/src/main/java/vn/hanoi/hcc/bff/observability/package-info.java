/**
 * Request ids, the access log and the log context. Every request carries an {@code X-Request-Id}
 * (the gateway's, or one made here for direct calls); it is echoed in the answer, put in every
 * problem body and written in every log line made while serving the request.
 */
package vn.hanoi.hcc.bff.observability;
