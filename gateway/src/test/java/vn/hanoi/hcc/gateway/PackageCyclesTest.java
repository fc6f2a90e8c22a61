package vn.hanoi.hcc.gateway;

import vn.hanoi.hcc.testsupport.rules.SourcePackageCyclesTest;

/** No cycle between the gateway's packages, constants included. */
class PackageCyclesTest extends SourcePackageCyclesTest {

    @Override
    protected String basePackage() {
        return "vn.hanoi.hcc.gateway";
    }
}
