package vn.hanoi.hcc.contract.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A CIDR block: the addresses whose first {@code bits} bits are the prefix's ({@code 10.0.0.0/8},
 * {@code fd00::/8}; a lone address is a block of one). Only literal addresses: a host name is refused,
 * never looked up.
 */
public record AddressBlock(byte[] prefix, int bits) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
        }
        try {
            byte[] prefix = InetAddress.getByName(address).getAddress(); // a literal: parsed, never looked up
            int bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > prefix.length * 8) {
                // refused here, at startup, not by an index out of bounds on a matching request
                throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
            }
            return new AddressBlock(prefix, bits);
        } catch (UnknownHostException | NumberFormatException notABlock) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr, notABlock);
        }
    }

    /** Whether the address (4 or 16 bytes) is in this block; never for the other family's. */
    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
    }
}
