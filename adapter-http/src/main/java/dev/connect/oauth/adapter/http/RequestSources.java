package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.RequestSource;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request came from, for the abuse limits. The peer's address, unless the peer is one of
 * the configured trusted proxies: then {@code X-Forwarded-For} is read from the right, skipping
 * trusted proxies, and the first address that is not one is the client (each proxy appends the
 * address it received from, so only entries a trusted proxy appended can be believed; anything to
 * their left may be forged by the client). With no trusted proxies, the header is ignored.
 *
 * @see <a href="https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#security_and_privacy_concerns">X-Forwarded-For: security and privacy concerns</a>
 */
final class RequestSources {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;

    RequestSources(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    RequestSource of(RoutingContext ctx) {
        SocketAddress peer = ctx.request().remoteAddress();
        Optional<InetAddress> peerAddress = peer == null || peer.hostAddress() == null
                ? Optional.empty() : IpAddresses.parse(peer.hostAddress());
        return peerAddress.map(address -> RequestSource.of(client(address, ctx))).orElse(RequestSource.UNKNOWN);
    }

    private InetAddress client(InetAddress peer, RoutingContext ctx) {
        InetAddress client = peer;
        if (!isTrusted(peer)) {
            return client;
        }
        List<String> hops = List.of(String.join(",", ctx.request().headers().getAll(FORWARDED_FOR)).split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
            if (hop.isEmpty()) {
                // A hop no proxy of ours wrote: the last address a trusted proxy vouched for counts.
                return client;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }
}
