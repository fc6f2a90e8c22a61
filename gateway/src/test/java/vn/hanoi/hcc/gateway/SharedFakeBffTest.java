package vn.hanoi.hcc.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway in front of the shared {@link FakeBff}: these tests share one application context. */
abstract class SharedFakeBffTest extends GatewayTest {

    protected static final FakeBff bff = FakeBff.shared();

    @DynamicPropertySource
    static void sharedBff(DynamicPropertyRegistry registry) {
        registry.add("HCC_BFF_URI", bff::uri);
    }
}
