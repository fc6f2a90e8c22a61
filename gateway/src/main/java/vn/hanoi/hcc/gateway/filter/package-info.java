/**
 * Filters every request passes, routed or not: the request id, the removal of client-supplied
 * identity headers, and the access log.
 */
package vn.hanoi.hcc.gateway.filter;
