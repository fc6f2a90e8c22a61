/**
 * Filters every request passes, routed or not: the request id, the client's address and the removal
 * of client-supplied forwarding and identity headers, and the access log.
 */
package vn.hanoi.hcc.gateway.filter;
