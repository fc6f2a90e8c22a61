package vn.hanoi.hcc.bff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.PostgresAddress;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.identity.TestIdentityTokens;

/**
 * The whole BFF on a random port, with the {@code test} profile of {@code config/mobile-bff}, on
 * this JVM's PostgreSQL and Redis (embedded, or external through HCC_TEST_DB_URL and
 * HCC_TEST_REDIS_URL). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@ExtendWith(StuckRequestDiagnostics.class)
public abstract class BffIntegrationTest {

    /** Calls as an anonymous client through the gateway (with its internal identity token). */
    protected WebTestClient web;

    @Autowired
    private WebTestClient bare;

    @BeforeEach
    void callThroughTheGateway() {
        web = bare.mutate()
                .defaultHeader(TestIdentityTokens.HEADER, TestIdentityTokens.anonymous())
                .build();
    }

    /** Calls with the given internal identity token. */
    protected WebTestClient as(String internalToken) {
        return bare.mutate()
                .defaultHeader(TestIdentityTokens.HEADER, internalToken)
                .build();
    }

    /** Calls with no internal identity token, as if around the gateway. */
    protected WebTestClient aroundTheGateway() {
        return bare;
    }

    /** Points the application at a database of its own (from {@code TestInfrastructure.separateDatabase}). */
    protected static void useDatabase(DynamicPropertyRegistry registry, PostgresAddress database) {
        registry.add(
                "spring.r2dbc.url",
                () -> "r2dbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.database());
        registry.add("spring.flyway.url", database::jdbcUrl);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().environment().forEach((name, value) -> registry.add(name, () -> value));
    }
}
