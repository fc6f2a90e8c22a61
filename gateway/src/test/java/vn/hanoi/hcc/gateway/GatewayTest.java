package vn.hanoi.hcc.gateway;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.hanoi.hcc.testsupport.embedded.TestInfrastructure;
import vn.hanoi.hcc.testsupport.embedded.TestSecrets;
import vn.hanoi.hcc.testsupport.leaks.ReadWholeBodies;

/**
 * The gateway on a random port with the {@code test} profile of {@code config/gateway}, this JVM's
 * Redis, the shared secrets and {@link FakeIdentityProvider}'s JWKS. Subclasses say where the BFF is
 * ({@code HCC_BFF_URI}). Each test calls from an IP of its own (X-Forwarded-For, trusted one hop in
 * the test profile), so that rate limits of one test never spill into another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "10s")
@ActiveProfiles("test")
abstract class GatewayTest {

    protected static final FakeIdentityProvider idp = FakeIdentityProvider.shared();

    @Autowired
    private WebTestClient bare;

    /** Calls from this test's own client IP. */
    protected WebTestClient web;

    protected String clientIp;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void gatewayEnvironment(DynamicPropertyRegistry registry) {
        registry.add("HCC_REDIS_URL", () -> TestInfrastructure.shared().redisUrl());
        TestSecrets.environment().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("HCC_OIDC_JWKS_URI", idp::jwksUri);
        registry.add("HCC_OIDC_ISSUER", () -> FakeIdentityProvider.ISSUER);
    }

    @BeforeEach
    void ownClientIp() {
        clientIp = randomIp();
        web = from(clientIp);
    }

    protected WebTestClient from(String ip) {
        return bare.mutate().defaultHeader("X-Forwarded-For", ip).build();
    }

    protected static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    protected WebTestClient management() {
        return ReadWholeBodies.of(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build());
    }
}
