/**
 * RFC 9457 problem details for every error the BFF answers. Domain exceptions carry no HTTP
 * status: {@link vn.hanoi.hcc.bff.error.ProblemMapper} alone decides the status, a stable
 * {@code type} URI and a constant {@code title}. Nothing internal (stack traces, class names, SQL)
 * reaches a client.
 */
package vn.hanoi.hcc.bff.error;
