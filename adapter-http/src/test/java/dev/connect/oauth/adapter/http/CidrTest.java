package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void containsWhenPrefixEndsInsideAByteThenOnlyThoseBitsCount() {
        Cidr block = Cidr.parse("192.0.2.0/25");

        assertThat(block.contains(address("192.0.2.127"))).isTrue();
        assertThat(block.contains(address("192.0.2.128"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(address("203.0.113.5"))).isTrue();
    }

    @Test
    void containsWhenOtherFamilyThenFalse() {
        assertThat(Cidr.parse("::/0").contains(address("192.0.2.1"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(address("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(address("2001:db9::1"))).isFalse();
    }

    @Test
    void parseWhenBareAddressThenABlockOfOne() {
        assertThat(Cidr.parse("127.0.0.1").contains(address("127.0.0.1"))).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains(address("127.0.0.2"))).isFalse();
    }

    @Test
    void parseWhenNoLiteralThenRefusedWithoutAskingDns() {
        assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("beef")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpAddresses.parse("[2001:db8::1]")).isPresent();
        assertThat(IpAddresses.parse("example.com")).isEmpty();
    }

    private static InetAddress address(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }
}
