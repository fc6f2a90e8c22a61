package vn.hanoi.hcc.contract;

import vn.hanoi.hcc.testsupport.rules.BlockHoundContract;

/** BlockHound watches this module's test JVM. */
class BlockHoundTest extends BlockHoundContract {}
