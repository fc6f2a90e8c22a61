package vn.hanoi.hcc.bff.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import vn.hanoi.hcc.contract.net.AddressBlock;

/**
 * The address blocks no webhook may reach: this network and its neighbours, the cluster, the cloud
 * metadata service, and the IPv6 forms that lead back to any IPv4 address (NAT64, 6to4). An
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is judged by the IPv4 address it carries.
 */
final class ForbiddenAddresses {

    private static final List<AddressBlock> LOOPBACK = blocks("127.0.0.0/8", "::1/128");

    private static final List<AddressBlock> ALWAYS = blocks(
            "0.0.0.0/8", // "this network": 0.0.0.0 reaches the local host
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16", // private
            "100.64.0.0/10", // shared address space (carrier-grade NAT)
            "169.254.0.0/16", // link-local: the cloud metadata service
            "192.0.0.0/24", // IETF protocol assignments
            "198.18.0.0/15", // benchmarking networks
            "224.0.0.0/4", // multicast
            "240.0.0.0/4", // reserved, and the broadcast address 255.255.255.255
            "::/96", // unspecified, and the deprecated IPv4-compatible addresses
            "64:ff9b::/96",
            "64:ff9b:1::/48", // NAT64: an IPv4 address behind a translator
            "2002::/16", // 6to4: an IPv4 address inside
            "fc00::/7", // unique local
            "fe80::/10",
            "fec0::/10", // link-local, deprecated site-local
            "ff00::/8"); // multicast

    private ForbiddenAddresses() {}

    /** Whether no webhook may reach the address; loopback only when {@code allowLoopback} is false. */
    static boolean forbidden(InetAddress address, boolean allowLoopback) {
        byte[] bytes = unmapped(address.getAddress());
        if (LOOPBACK.stream().anyMatch(block -> block.contains(bytes))) {
            return !allowLoopback;
        }
        return ALWAYS.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The IPv4 address inside {@code ::ffff:0:0/96}, or the address as it is. */
    private static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        return mapped ? Arrays.copyOfRange(address, 12, 16) : address;
    }

    private static List<AddressBlock> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressBlock::parse).toList();
    }
}
