/**
 * Errors of the gateway itself (no route, the BFF down, slow or broken, a refused request) as
 * {@code application/problem+json}: never an HTML page, a stack trace or a hang.
 */
package vn.hanoi.hcc.gateway.error;
