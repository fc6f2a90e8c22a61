package vn.hanoi.hcc.gateway;

import vn.hanoi.hcc.testsupport.leaks.LeakDetectionContract;

/** Netty's leak detector watches this module's test JVM, and a leak fails the build. */
class LeakDetectionTest extends LeakDetectionContract {}
