package dev.connect.oauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued authorization code, kept as the hash of its value. It is bound to the client, the
 * redirect URI, the scopes, the account and the PKCE challenge of the request that produced it;
 * it expires quickly and is redeemed at most once. A request with {@code dpop_jkt} binds it to a
 * key too: it is then redeemed only with a DPoP proof of that key (RFC 9449 §10).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 */
public record AuthorizationCode(SecretHash hash, GrantId grantId, ClientId clientId, AccountId accountId,
                                RedirectUri redirectUri, ScopeSet scopes, Optional<PkceChallenge> challenge,
                                Instant issuedAt, Instant expiresAt, Optional<Instant> redeemedAt,
                                Optional<JwkThumbprint> boundKey) {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
    public static final Duration MAX_TTL = Duration.ofMinutes(10);

    public AuthorizationCode {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        Objects.requireNonNull(boundKey, "boundKey");
        Duration ttl = Duration.between(issuedAt, expiresAt);
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("An authorization code lives more than 0 s and at most 10 min");
        }
    }

    /** A code bound to no key. */
    public AuthorizationCode(SecretHash hash, GrantId grantId, ClientId clientId, AccountId accountId,
                             RedirectUri redirectUri, ScopeSet scopes, Optional<PkceChallenge> challenge,
                             Instant issuedAt, Instant expiresAt, Optional<Instant> redeemedAt) {
        this(hash, grantId, clientId, accountId, redirectUri, scopes, challenge, issuedAt, expiresAt, redeemedAt,
                Optional.empty());
    }

    /** A fresh, unredeemed code living {@code ttl} from {@code now}, bound to no key. */
    public static AuthorizationCode issue(SecretHash hash, GrantId grantId, ClientId clientId, AccountId accountId,
                                          RedirectUri redirectUri, ScopeSet scopes, Optional<PkceChallenge> challenge,
                                          Instant now, Duration ttl) {
        return issue(hash, grantId, clientId, accountId, redirectUri, scopes, challenge, now, ttl, Optional.empty());
    }

    /** A fresh, unredeemed code living {@code ttl} from {@code now}, bound to {@code boundKey} ({@code dpop_jkt}). */
    public static AuthorizationCode issue(SecretHash hash, GrantId grantId, ClientId clientId, AccountId accountId,
                                          RedirectUri redirectUri, ScopeSet scopes, Optional<PkceChallenge> challenge,
                                          Instant now, Duration ttl, Optional<JwkThumbprint> boundKey) {
        return new AuthorizationCode(hash, grantId, clientId, accountId, redirectUri, scopes, challenge,
                now, now.plus(ttl), Optional.empty(), boundKey);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isRedeemed() {
        return redeemedAt.isPresent();
    }

    /** This code marked redeemed; a code is redeemed once only. */
    public AuthorizationCode redeem(Instant now) {
        if (isRedeemed()) {
            throw ErrorCode.INVALID_GRANT.exception("The authorization code was already used.");
        }
        return new AuthorizationCode(hash, grantId, clientId, accountId, redirectUri, scopes, challenge,
                issuedAt, expiresAt, Optional.of(now), boundKey);
    }

    /**
     * Checks a token request against this code's bindings (RFC 6749 §4.1.3, RFC 7636 §4.6): the
     * same client, not expired, the same {@code redirect_uri} string, and a verifier answering
     * the challenge. Every failure is {@code invalid_grant}, as RFC 6749 §5.2 says.
     */
    public void checkRedemption(ClientId presentingClient, Optional<String> presentedRedirectUri,
                                Optional<String> codeVerifier, Instant now) {
        checkRedemption(presentingClient, presentedRedirectUri, codeVerifier, Optional.empty(), now);
    }

    /**
     * The checks of {@link #checkRedemption(ClientId, Optional, Optional, Instant)} and, for a code
     * bound to a key, that the request's DPoP proof is of that key (RFC 9449 §10), also
     * {@code invalid_grant}.
     *
     * @param proofKey the key of the token request's DPoP proof, empty without one
     */
    public void checkRedemption(ClientId presentingClient, Optional<String> presentedRedirectUri,
                                Optional<String> codeVerifier, Optional<JwkThumbprint> proofKey, Instant now) {
        if (!clientId.equals(presentingClient)) {
            throw ErrorCode.INVALID_GRANT.exception("The authorization code was issued to another client.");
        }
        if (isExpired(now)) {
            throw ErrorCode.INVALID_GRANT.exception("The authorization code has expired.");
        }
        if (presentedRedirectUri.filter(redirectUri::matches).isEmpty()) {
            throw ErrorCode.INVALID_GRANT.exception("redirect_uri does not match the authorization request.");
        }
        if (challenge.isPresent()) {
            if (codeVerifier.isEmpty()) {
                throw ErrorCode.INVALID_GRANT.exception("code_verifier is required.");
            }
            if (!challenge.get().verify(codeVerifier.get())) {
                throw ErrorCode.INVALID_GRANT.exception("code_verifier does not match the code_challenge.");
            }
        } else if (codeVerifier.isPresent()) {
            throw ErrorCode.INVALID_GRANT.exception("code_verifier sent but no code_challenge was given.");
        }
        if (boundKey.isPresent() && !boundKey.equals(proofKey)) {
            throw ErrorCode.INVALID_GRANT.exception(proofKey.isEmpty()
                    ? "The authorization code is bound to a key (dpop_jkt): send a DPoP proof of it."
                    : "The DPoP proof's key is not the key of dpop_jkt.");
        }
    }
}
