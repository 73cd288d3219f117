package dev.connect.oauth.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: {@link InetAddress#getByName} resolves
 * anything that is not a literal, and a header value must never make the server look a name up.
 */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The address {@code text} spells (IPv6 possibly in brackets), or empty when it is no literal. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        // With a colon getByName reads an IPv6 literal or fails; it never resolves.
        boolean isLiteral = IPV4.matcher(literal).matches() || literal.contains(":") && IPV6.matcher(literal).matches();
        if (!isLiteral) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
