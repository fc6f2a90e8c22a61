/**
 * PostgreSQL and Redis for the tests and the local run, on a machine with only a JDK: embedded
 * servers on free ports (never 5432/6379), or external ones when configured. Packaged as the
 * BFF's test-jar so that the gateway's end-to-end test and {@code run-local.sh} use the same code.
 */
package vn.hanoi.hcc.infra.embedded;
