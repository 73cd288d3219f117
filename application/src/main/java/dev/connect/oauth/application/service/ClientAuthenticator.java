package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Client authentication at every endpoint that authenticates clients (token, revocation,
 * introspection; RFC 6749 §2.3.1, §3.2.1), by the method the client registered: a secret client
 * ({@code client_secret_basic} or {@code client_secret_post}, interchangeable) presents its secret,
 * a {@code private_key_jwt} client a JWT assertion signed with one of its keys (RFC 7523 §2.2, §3),
 * a {@code client_secret_jwt} client one whose HMAC is keyed with its secret (kept sealed; OpenID
 * Connect Core §9), a public client nothing (a secret it cannot keep proves nothing). An assertion's claims follow
 * {@link ClientAssertionRules}, its signature is checked next, and its {@code jti} is claimed last,
 * on the store every node shares, so that a replay fails on any node and a forgery burns nothing.
 *
 * <p>Every secret failure gives the same answer, and an unknown client costs the same hash comparison
 * as a wrong secret, so neither the message nor the time tells which client ids exist. (An
 * assertion's answer names the rule it broke, which helps its developer and tells an attacker
 * nothing: the rules are public and the assertion is the attacker's own.) One instance
 * serves every endpoint: it holds the cache of keys fetched from {@code jwks_uri}s.
 */
@Singleton
public final class ClientAuthenticator {
    /** Compared against when no client has the id, to spend what a real comparison spends. */
    private static final SecretHash NO_CLIENT = new SecretHash("0".repeat(64));

    private final ClientRepository clients;
    private final SecretHasher hasher;
    private final ClientAssertionCodec assertions;
    private final ClientSecretSealer sealer;
    private final ClientKeys keys;
    private final ClientAssertionRules rules;
    private final JtiReplayGuard replays;
    private final Clock clock;

    @Inject
    public ClientAuthenticator(ClientRepository clients, SecretHasher hasher, ClientAssertionCodec assertions,
                               ClientSecretSealer sealer, ClientKeysFetcher fetcher, JtiStore jtis, Clock clock,
                               OAuthPolicy policy) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.keys = new ClientKeys(fetcher, assertions, clock);
        this.rules = new ClientAssertionRules(policy.issuer());
        this.replays = new JtiReplayGuard(jtis, hasher);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The authenticated client, or {@code invalid_client}. */
    public Client authenticate(ClientCredentials credentials) {
        if (credentials.assertion().isPresent()) {
            return authenticateAssertion(credentials.clientId(), credentials.assertion().get());
        }
        Optional<String> secret = credentials.secret().filter(value -> !value.isEmpty());
        Optional<Client> found = ClientIds.parse(credentials.clientId()).flatMap(clients::findById);
        if (found.isEmpty()) {
            secret.ifPresent(value -> hasher.matches(value, NO_CLIENT));
            throw ErrorCode.INVALID_CLIENT.exception();
        }
        Client client = found.get();
        ClientAuthMethod method = client.auth().method();
        boolean authenticated = method == ClientAuthMethod.NONE ? secret.isEmpty()
                : method.usesSecretHash() && secret.isPresent() && hasher.matches(secret.get(), client.secretHash().orElseThrow());
        if (!authenticated) {
            throw method.usesAssertion()
                    ? ErrorCode.INVALID_CLIENT.exception("Client authentication failed: this client authenticates with "
                            + method.wireName() + " (client_assertion).")
                    : ErrorCode.INVALID_CLIENT.exception();
        }
        return client;
    }

    private Client authenticateAssertion(String clientId, String jwt) {
        ClientAssertion assertion = assertions.decode(jwt).orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                "Client authentication failed: client_assertion is not a signed JWT."));
        Client client = ClientIds.parse(clientId).flatMap(clients::findById)
                .filter(found -> found.auth().method().usesAssertion())
                .orElseThrow(ErrorCode.INVALID_CLIENT::exception);
        Instant now = clock.instant();
        rules.check(assertion, client, now);
        if (!verifies(assertion, client)) {
            throw ErrorCode.INVALID_CLIENT.exception("Client authentication failed: the assertion's signature does not verify.");
        }
        if (!replays.firstUse(JtiReplayGuard.Kind.CLIENT_ASSERTION, client.id().value(), assertion.jwtId().orElseThrow(),
                now, ClientAssertionRules.acceptableUntil(assertion))) {
            throw ErrorCode.INVALID_CLIENT.exception("Client authentication failed: the assertion was used before (jti).");
        }
        return client;
    }

    /** The assertion's signature: by one of the client's keys, or its HMAC keyed with the client's secret. */
    private boolean verifies(ClientAssertion assertion, Client client) {
        if (client.auth().method() == ClientAuthMethod.CLIENT_SECRET_JWT) {
            String secret = ClientSecrets.opened(sealer, client).orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                    "Client authentication failed: the client's secret could not be read."));
            return assertions.verifyWithSecret(assertion, secret);
        }
        String jwkSet = keys.jwkSetOf(client, assertion.keyId()).orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                "Client authentication failed: the client's keys could not be read."));
        return assertions.verify(assertion, jwkSet);
    }
}
