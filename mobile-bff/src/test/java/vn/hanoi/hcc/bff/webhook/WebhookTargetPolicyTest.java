package vn.hanoi.hcc.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.hcc.bff.webhook.RebindingResolver.address;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import vn.hanoi.hcc.bff.error.InvalidRequestException;

/** The production policy: which addresses a webhook may never reach. Literal addresses only: no DNS. */
class WebhookTargetPolicyTest {

    private final RebindingResolver dns = new RebindingResolver();
    private final WebhookTargetPolicy production =
            new WebhookTargetPolicy(WebhookPropertiesTest.production(Duration.ofMinutes(2)), dns);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "224.0.0.1",
                "fe80::1",
                "fd00::1",
                "fc00::abcd",
                "::"
            })
    void refusesPrivateLoopbackAndLinkLocalAddresses(String address) {
        assertThat(production.forbidden(address(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.0.0.1",
                "192.0.0.255",
                "198.18.0.1",
                "198.19.255.255",
                "240.0.0.1",
                "255.255.255.255",
                "64:ff9b::a00:1",
                "64:ff9b::808:808",
                "64:ff9b:1::1",
                "2002:a00:1::1",
                "2002:808:808::1",
                "fec0::1",
                "ff02::1",
                "::a00:1"
            })
    void refusesReservedBlocksAndIpv6FormsThatLeadToIpv4(String address) {
        assertThat(production.forbidden(address(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.1",
                "169.254.169.254",
                "192.168.0.1",
                "100.64.0.1",
                "198.18.0.1",
                "0.0.0.0",
                "240.0.0.1"
            })
    void judgesAnIpv4MappedIpv6AddressByTheIpv4AddressItCarries(String ipv4) {
        // the JDK turns "::ffff:a.b.c.d" into an IPv4 address; a resolver may hand over the IPv6 form
        assertThat(production.forbidden(address("::ffff:" + ipv4)))
                .as("::ffff:" + ipv4)
                .isTrue();
        assertThat(production.forbidden(mapped(ipv4))).as("IPv6 ::ffff:" + ipv4).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "203.113.131.1",
                "172.32.0.1",
                "100.128.0.1",
                "192.0.1.1",
                "198.20.0.1",
                "223.255.255.255",
                "2001:4860:4860::8888",
                "2003::1",
                "64:ff9c::1"
            })
    void acceptsPublicAddresses(String address) {
        assertThat(production.forbidden(address(address))).as(address).isFalse();
    }

    @Test
    void acceptsAnIpv4MappedPublicAddress() {
        assertThat(production.forbidden(mapped("8.8.8.8"))).isFalse();
    }

    @Test
    void refusesPlainHttpCredentialsAndMetadataTargetsInProduction() {
        dns.then("8.8.8.8", address("8.8.8.8")).then("169.254.169.254", address("169.254.169.254"));
        StepVerifier.create(production.check("http://8.8.8.8/hook"))
                .expectError(InvalidRequestException.class)
                .verify();
        StepVerifier.create(production.check("https://user:pw@8.8.8.8/hook"))
                .expectError(InvalidRequestException.class)
                .verify();
        StepVerifier.create(production.check("https://169.254.169.254/latest/meta-data"))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("url"))
                .verify();
        StepVerifier.create(production.check("https://8.8.8.8/hook"))
                .assertNext(uri -> assertThat(uri.getHost()).isEqualTo("8.8.8.8"))
                .verifyComplete();
    }

    @Test
    void refusesAHostWithAnyForbiddenAddressAndOneThatDoesNotResolve() {
        dns.then("hooks.example.test", address("203.0.113.10"), mapped("10.0.0.7"));
        StepVerifier.create(production.check("https://hooks.example.test/hook"))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("must reach a public address"))
                .verify();
        StepVerifier.create(production.check("https://nowhere.example.test/hook"))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("does not resolve"))
                .verify();
    }

    /** The IPv4-mapped IPv6 form, kept as an IPv6 address as a resolver may build it. */
    static InetAddress mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(address(ipv4).getAddress(), 0, bytes, 12, 4);
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
