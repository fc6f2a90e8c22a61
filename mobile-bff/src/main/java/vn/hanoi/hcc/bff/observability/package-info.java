/**
 * The access log: one line per request, after the request id's filter (the contract module's
 * {@code vn.hanoi.hcc.contract.requestid}, which keeps the gateway's {@code X-Request-Id} or makes
 * one for a direct call, echoes it and puts it in every log line of the request); the BFF's own work
 * run as an observation ({@link vn.hanoi.hcc.bff.observability.ObservedMono}: the outbox batches, the
 * reminder passes).
 */
package vn.hanoi.hcc.bff.observability;
