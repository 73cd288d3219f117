package dev.connect.oauth.application.port.in;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a request came from, as the abuse limits group callers: an IPv4 address, or the /64
 * prefix of an IPv6 address. One IPv6 subnet is a /64 (RFC 4291 §2.5.4) and a subscriber is
 * typically given at least one whole /64 (RFC 6177), so a limit per full IPv6 address would give
 * one attacker 2^64 fresh buckets. How the address was learned (the peer, or a trusted proxy's
 * {@code X-Forwarded-For}) is the HTTP adapter's business.
 *
 * @param value the address or prefix as text, used only as part of a hashed limit key
 */
public record RequestSource(String value) {
    /** A request whose address is not known: all such requests share one source. */
    public static final RequestSource UNKNOWN = new RequestSource("unknown");

    private static final int IPV6_PREFIX_BYTES = 8;

    public RequestSource {
        Objects.requireNonNull(value, "value");
    }

    /** The source of {@code address}: itself for IPv4, its /64 prefix for IPv6. */
    public static RequestSource of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return switch (address) {
            case Inet4Address v4 -> new RequestSource(v4.getHostAddress());
            case Inet6Address v6 -> new RequestSource(
                    HexFormat.of().formatHex(v6.getAddress(), 0, IPV6_PREFIX_BYTES) + "::/64");
            default -> throw new IllegalArgumentException("Neither IPv4 nor IPv6: " + address);
        };
    }
}
