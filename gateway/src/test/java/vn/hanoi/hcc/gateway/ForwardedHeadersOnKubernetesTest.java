package vn.hanoi.hcc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@link ForwardedHeadersTest} with Kubernetes detected from the process environment, as in a Pod:
 * there Boot turns on Reactor Netty's forwarded-header handling unless told otherwise, and Netty
 * takes the client's {@code X-Forwarded-Prefix} as the context path, {@code X-Forwarded-Host} and
 * {@code -Proto} as the request's host and scheme, and the first {@code X-Forwarded-For} entry as its
 * address. No trusted proxy here, so the connection's own address is the client's.
 */
@ContextConfiguration(initializers = KubernetesEnvironment.class)
@TestPropertySource(properties = "hcc.gateway.trusted-proxies=0")
class ForwardedHeadersOnKubernetesTest extends ForwardedHeadersTest {

    @Autowired
    private Environment environment;

    @Autowired
    private WebTestClient direct;

    @Test
    void bootDetectsKubernetesFromTheEnvironmentVariables() {
        assertThat(environment.getProperty("spring.main.cloud-platform")).isNull();
        assertThat(CloudPlatform.getActive(environment)).isEqualTo(CloudPlatform.KUBERNETES);
    }

    @Test
    void aForgedXForwardedForIsNotTheClientAddressWithoutTrustedProxies() {
        direct.get()
                .uri("/api/v1/points?address-probe")
                .header("X-Forwarded-For", "192.0.2.77")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(InternalTokenAssert.verifiedClaims(bff.last("/api/v1/points?address-probe"))
                        .getClaim("cip"))
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
