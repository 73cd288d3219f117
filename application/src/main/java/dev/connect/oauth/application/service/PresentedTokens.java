package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import dev.connect.oauth.domain.TokenTypeHint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a token a client presents for revocation or introspection, access or refresh. The
 * {@code token_type_hint} only decides which lookup comes first (RFC 7009 §2.1, RFC 7662 §2.1):
 * an unknown hint is ignored, and a token of the other type is still found. A client only ever
 * finds its own tokens; another client's token is as good as unknown to it. Access tokens are
 * found through this node's {@link TokenCheckCache}, with their account.
 */
final class PresentedTokens {
    private final TokenRepository tokens;
    private final TokenCheckCache checks;
    private final SecretHasher hasher;

    PresentedTokens(TokenRepository tokens, TokenCheckCache checks, SecretHasher hasher) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The token if it was issued to {@code owner}; {@code invalid_request} when no token was sent. */
    Optional<Found> findOwnedBy(ClientId owner, Optional<String> token, Optional<TokenTypeHint> tokenTypeHint,
                                Instant now) {
        String value = token.filter(presented -> !presented.isEmpty())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("token is required."));
        Optional<Found> found = tokenTypeHint.equals(Optional.of(TokenTypeHint.REFRESH_TOKEN))
                ? findRefresh(value, now).or(() -> findAccess(value, now))
                : findAccess(value, now).or(() -> findRefresh(value, now));
        return found.filter(candidate -> candidate.clientId().equals(owner));
    }

    private Optional<Found> findAccess(String value, Instant now) {
        return TokenKeys.find(value, hasher, hash -> checks.find(hash).map(described -> {
            AccessToken token = described.token();
            return new Found(TokenTypeHint.ACCESS_TOKEN, hash, token.id(), token.grantId(), token.clientId(), token.accountId(),
                    described.account(), token.scopes(), token.issuedAt(), token.expiresAt(), token.isActive(now),
                    token.boundKey(), token.resources());
        }));
    }

    private Optional<Found> findRefresh(String value, Instant now) {
        SecretHash hash = TokenKeys.of(value, hasher);
        return tokens.findRefreshToken(hash).map(token -> new Found(TokenTypeHint.REFRESH_TOKEN, hash, token.id(), token.grantId(),
                token.clientId(), token.accountId(), Optional.empty(), token.scopes(), token.issuedAt(),
                token.expiresAt(), token.isActive(now), token.boundKey(), token.resources()));
    }

    /**
     * A token found by its hash, as {@link AccessToken} or {@link RefreshToken} describes it.
     *
     * @param tokenType access or refresh token
     * @param hash      the hash it was found by
     * @param account   its account, when read with it (access tokens); else empty
     * @param active    whether it was active when found
     * @param boundKey  the key it is DPoP-bound to, if any
     * @param resources the resources it is for (RFC 8707), or bound to (a refresh token)
     */
    record Found(TokenTypeHint tokenType, SecretHash hash, TokenId id, GrantId grantId, ClientId clientId,
                 Optional<AccountId> accountId, Optional<Account> account, ScopeSet scopes, Instant issuedAt,
                 Instant expiresAt, boolean active, Optional<JwkThumbprint> boundKey, ResourceSet resources) {
        boolean isRefreshToken() {
            return tokenType == TokenTypeHint.REFRESH_TOKEN;
        }
    }
}
