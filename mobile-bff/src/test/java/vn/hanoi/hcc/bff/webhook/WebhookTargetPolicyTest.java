package vn.hanoi.hcc.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/** The production policy: which addresses a webhook may never reach. Literal addresses only: no DNS. */
class WebhookTargetPolicyTest {

    private final WebhookTargetPolicy production = new WebhookTargetPolicy(WebhookPropertiesTest.production(Duration.ofMinutes(2)));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "fe80::1", "fd00::1",
            "fc00::abcd", "::"})
    void refusesPrivateLoopbackAndLinkLocalAddresses(String address) throws UnknownHostException {
        assertThat(production.forbidden(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "203.113.131.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(production.forbidden(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void refusesPlainHttpCredentialsAndMetadataTargetsInProduction() {
        StepVerifier.create(production.check("http://8.8.8.8/hook")).expectError(InvalidRequestException.class).verify();
        StepVerifier.create(production.check("https://user:pw@8.8.8.8/hook")).expectError(InvalidRequestException.class)
                .verify();
        StepVerifier.create(production.check("https://169.254.169.254/latest/meta-data"))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("url")).verify();
        StepVerifier.create(production.check("https://8.8.8.8/hook"))
                .assertNext(uri -> assertThat(uri.getHost()).isEqualTo("8.8.8.8")).verifyComplete();
    }
}
