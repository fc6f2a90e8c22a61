package vn.hanoi.hcc.bff.point;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;

/**
 * A database of their own for the tests that change the point network, so that the shared one
 * keeps the seed every other test counts on. Tests registering it share one application context.
 */
public final class NetworkDatabase {

    private static final PostgresAddress DATABASE = TestInfrastructure.shared().separateDatabase("network");

    private NetworkDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.r2dbc.url",
                () -> "r2dbc:postgresql://" + DATABASE.host() + ":" + DATABASE.port() + "/" + DATABASE.database());
        registry.add("spring.flyway.url", DATABASE::jdbcUrl);
    }
}
