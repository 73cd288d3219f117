package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.RefreshTokenOfGrant;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenRepository} whose refresh token lookups keep answering what they first read, as
 * a request that read the token just before a concurrent request rotated it would: it lets a test
 * lose the rotation race on demand. Everything else goes to the real store.
 */
final class StaleReadTokenRepository implements TokenRepository {
    private final TokenRepository store;
    private final Map<SecretHash, Optional<RefreshTokenOfGrant>> firstReads = new ConcurrentHashMap<>();

    StaleReadTokenRepository(TokenRepository store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(SecretHash hash) {
        return findRefreshTokenWithGrant(hash).map(RefreshTokenOfGrant::token);
    }

    @Override
    public Optional<RefreshTokenOfGrant> findRefreshTokenWithGrant(SecretHash hash) {
        return firstReads.computeIfAbsent(hash, store::findRefreshTokenWithGrant);
    }

    @Override
    public void addWithGrant(Grant grant, AccessToken accessToken) {
        store.addWithGrant(grant, accessToken);
    }

    @Override
    public void add(AccessToken accessToken, Optional<RefreshToken> refreshToken) {
        store.add(accessToken, refreshToken);
    }

    @Override
    public boolean rotate(TokenId retiring, Instant at, AccessToken accessToken, RefreshToken refreshToken) {
        return store.rotate(retiring, at, accessToken, refreshToken);
    }

    @Override
    public boolean reissue(AccessToken accessToken, RefreshToken refreshToken, Instant at) {
        return store.reissue(accessToken, refreshToken, at);
    }

    @Override
    public Optional<AccessToken> findAccessToken(SecretHash hash) {
        return store.findAccessToken(hash);
    }

    @Override
    public boolean revokeAccessToken(TokenId id, Instant at) {
        return store.revokeAccessToken(id, at);
    }

    @Override
    public boolean revokeRefreshToken(TokenId id, Instant at) {
        return store.revokeRefreshToken(id, at);
    }
}
