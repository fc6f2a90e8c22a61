package vn.hanoi.hcc.bff;

import vn.hanoi.hcc.testsupport.rules.SourcePackageCyclesTest;

/** No cycle between the BFF's packages, constants included. */
class PackageCyclesTest extends SourcePackageCyclesTest {

    @Override
    protected String basePackage() {
        return "vn.hanoi.hcc.bff";
    }
}
