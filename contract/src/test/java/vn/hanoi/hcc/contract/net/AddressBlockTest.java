package vn.hanoi.hcc.contract.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void containsTheAddressesOfItsPrefix() throws Exception {
        AddressBlock block = AddressBlock.parse("192.168.0.0/23");

        assertThat(block.contains(bytes("192.168.1.200"))).isTrue();
        assertThat(block.contains(bytes("192.168.2.1"))).isFalse();
        assertThat(block.contains(bytes("::1"))).isFalse();
    }

    @Test
    void aLoneAddressIsABlockOfOne() throws Exception {
        AddressBlock block = AddressBlock.parse("fd12::1");

        assertThat(block.contains(bytes("fd12::1"))).isTrue();
        assertThat(block.contains(bytes("fd12::2"))).isFalse();
    }

    @Test
    void refusesAHostNameWithoutLookingItUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("ingress.example/8"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("10.0.0.0/x"));
    }

    @Test
    void refusesAPrefixLongerThanItsAddressOrNegative() {
        // once accepted, 10.0.0.0/33 failed only later, on the first matching request
        assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("fd00::/129"));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse("10.0.0.0/-1"));
        assertThat(AddressBlock.parse("0.0.0.0/0").contains(new byte[] {10, 0, 0, 1}))
                .isTrue();
    }

    private static byte[] bytes(String literal) throws Exception {
        return InetAddress.getByName(literal).getAddress();
    }
}
