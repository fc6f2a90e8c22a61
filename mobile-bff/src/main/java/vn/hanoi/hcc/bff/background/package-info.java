/**
 * What runs beside the requests: {@code BackgroundLoop}, the lifecycle and periodic run of every
 * background job (the point index check, coverage warming, the outboxes' dispatchers, device pruning),
 * each run logged and resumed on failure. Knows no feature.
 */
package vn.hanoi.hcc.bff.background;
