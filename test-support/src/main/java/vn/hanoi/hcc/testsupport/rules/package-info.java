/**
 * Rules every module of the project obeys, checked by each module's own tests: the reactive
 * discipline (nothing blocks) as ArchUnit rules, and BlockHound being active in the test JVM.
 */
package vn.hanoi.hcc.testsupport.rules;
