/**
 * PostgreSQL and Redis for the tests and the local run, on a machine with only a JDK: embedded
 * servers on free ports (never 5432/6379), or external ones when configured. The tests of every
 * module and {@code run-local.sh} use the same code.
 */
package vn.hanoi.hcc.testsupport.embedded;
