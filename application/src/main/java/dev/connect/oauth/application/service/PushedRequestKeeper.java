package dev.connect.oauth.application.service;

import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.PushedRequestUri;
import dev.connect.oauth.application.port.out.PushedRequestStore;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.RequestUri;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps checked parameters behind a fresh {@code request_uri} of 256 random bits, stored as its
 * hash only (it lets its holder start the request), for the policy's lifetime.
 */
final class PushedRequestKeeper {
    private final PushedRequestStore store;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final PushedRequestPolicy policy;

    PushedRequestKeeper(PushedRequestStore store, SecretGenerator generator, SecretHasher hasher, Clock clock,
                        PushedRequestPolicy policy) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    PushedRequestUri keep(ClientId client, Map<String, String> parameters) {
        RequestUri uri = RequestUri.of(generator.secret());
        store.add(new PushedAuthorizationRequest(hasher.hash(uri.value()), client, parameters,
                clock.instant().plus(policy.ttl())));
        return new PushedRequestUri(uri, policy.ttl());
    }
}
