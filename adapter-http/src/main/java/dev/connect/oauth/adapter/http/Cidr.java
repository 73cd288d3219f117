package dev.connect.oauth.adapter.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address block in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), such as
 * {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one.
 */
final class Cidr {
    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException when {@code text} is not an address with an optional prefix length */
    static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException(text + " is not an IP address or CIDR block"));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(text + " has a prefix length outside 0.." + bits);
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether {@code address} is in this block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }
}
