package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.ClientAssertion;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The claims a client assertion must carry to authenticate its client (RFC 7523 §3, OpenID Connect
 * Core §9): {@code iss} and {@code sub} both the client id; an {@code aud} naming this server (its
 * issuer, or its token endpoint under either path); an {@code exp} not past, at most
 * {@link #MAX_LIFETIME} after {@code iat} (or after now, without {@code iat}); an {@code iat} and
 * {@code nbf}, when present, not in the future; a {@code jti} (its single use is the
 * {@link JtiReplayGuard}'s); an algorithm of the client's method (asymmetric for
 * {@code private_key_jwt}, HMAC for {@code client_secret_jwt}; never {@code none}), the registered one
 * when the client registered one. Clocks may differ by {@link #CLOCK_SKEW}. Every failure is {@code invalid_client}.
 */
final class ClientAssertionRules {
    /** How far the client's clock may be off ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** The longest an assertion may be valid: it proves a key at one moment, not for a session. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_JTI_LENGTH = 256;

    private final List<String> audiences;

    ClientAssertionRules(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        this.audiences = List.of(issuer, issuer + "/oauth/token", issuer + "/token");
    }

    /** Returns normally when {@code assertion} may authenticate {@code client} at {@code now}. */
    void check(ClientAssertion assertion, Client client, Instant now) {
        String clientId = client.id().value();
        if (!assertion.issuer().filter(clientId::equals).isPresent()) {
            throw refused("iss must be the client_id.");
        }
        if (!assertion.subject().filter(clientId::equals).isPresent()) {
            throw refused("sub must be the client_id.");
        }
        if (assertion.audience().stream().noneMatch(audiences::contains)) {
            throw refused("aud must name this server: " + audiences.getFirst() + " or its token endpoint.");
        }
        if (!ClientAuthSettings.signingAlgorithms(client.auth().method()).contains(assertion.algorithm())
                || client.auth().signingAlg().filter(alg -> !alg.equals(assertion.algorithm())).isPresent()) {
            throw refused("The assertion's alg is not one this client may use.");
        }
        Instant expiresAt = assertion.expiresAt().orElseThrow(() -> refused("exp is required."));
        if (!expiresAt.plus(CLOCK_SKEW).isAfter(now)) {
            throw refused("The assertion has expired.");
        }
        Instant start = assertion.issuedAt().orElse(now);
        if (assertion.issuedAt().filter(iat -> iat.isAfter(now.plus(CLOCK_SKEW))).isPresent()) {
            throw refused("iat is in the future.");
        }
        if (assertion.notBefore().filter(nbf -> nbf.isAfter(now.plus(CLOCK_SKEW))).isPresent()) {
            throw refused("The assertion is not valid yet (nbf).");
        }
        if (Duration.between(start, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw refused("The assertion may be valid for at most " + MAX_LIFETIME.toMinutes() + " minutes.");
        }
        String jti = assertion.jwtId().orElseThrow(() -> refused("jti is required."));
        if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw refused("jti must be 1 to " + MAX_JTI_LENGTH + " characters.");
        }
    }

    /** Until when the assertion could be accepted: how long its {@code jti} must be remembered. */
    static Instant acceptableUntil(ClientAssertion assertion) {
        return assertion.expiresAt().orElseThrow().plus(CLOCK_SKEW);
    }

    private static OAuthException refused(String why) {
        return ErrorCode.INVALID_CLIENT.exception("Client authentication failed: " + why);
    }
}
