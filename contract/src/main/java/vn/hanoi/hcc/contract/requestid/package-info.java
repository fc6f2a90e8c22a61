/**
 * The request id. Every answer of either service carries an {@code X-Request-Id}: the caller's own
 * if it matches {@code [A-Za-z0-9._:-]{1,128}}, otherwise a new random UUID; the gateway passes it to
 * the BFF, which keeps it. Both write it as {@code requestId} in every log line of the request and in
 * every problem body. {@link vn.hanoi.hcc.contract.requestid.RequestIdWebFilter} runs first in both
 * (auto-configured); {@link vn.hanoi.hcc.contract.requestid.RequestIdMdcAccessor} carries the id
 * from the Reactor context to the logging MDC.
 */
package vn.hanoi.hcc.contract.requestid;
