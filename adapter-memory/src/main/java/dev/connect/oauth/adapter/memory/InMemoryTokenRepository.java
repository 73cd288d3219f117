package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.RefreshTokenOfGrant;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link TokenRepository} on an {@link InMemoryStore}. Tokens are kept as issued or as revoked
 * by their own id; a lookup reports the earlier of the token's and its grant's revocation time,
 * as a database join of the token and its grant would.
 */
final class InMemoryTokenRepository implements TokenRepository {
    private final InMemoryStore store;

    InMemoryTokenRepository(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void add(AccessToken accessToken, Optional<RefreshToken> refreshToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        store.atomically(() -> {
            refreshToken.ifPresent(this::checkRefreshToken);
            checkAccessToken(accessToken, refreshToken);
            refreshToken.ifPresent(this::putRefreshToken);
            putAccessToken(accessToken);
        });
    }

    @Override
    public void addWithGrant(Grant grant, AccessToken accessToken) {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(accessToken, "accessToken");
        store.atomically(() -> {
            store.requireClient(grant.clientId());
            grant.accountId().ifPresent(store::requireAccount);
            requireFresh(store.grants.containsKey(grant.id()), "grant " + grant.id());
            store.grants.put(grant.id(), grant);
            try {
                checkAccessToken(accessToken, Optional.empty());
            } catch (IllegalStateException refused) {
                store.grants.remove(grant.id());
                throw refused;
            }
            putAccessToken(accessToken);
        });
    }

    @Override
    public boolean rotate(TokenId retiring, Instant at, AccessToken accessToken, RefreshToken refreshToken) {
        Objects.requireNonNull(retiring, "retiring");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        return store.atomically(() -> {
            RefreshToken old = store.refreshTokens.get(retiring);
            if (old == null || old.isRetired() || revokedAt(old.revokedAt(), old.grantId()).isPresent()) {
                return false;
            }
            checkRefreshToken(refreshToken);
            checkAccessToken(accessToken, Optional.of(refreshToken));
            store.refreshTokens.put(retiring, new RefreshToken(old.id(), old.hash(), old.grantId(), old.clientId(),
                    old.accountId(), old.scopes(), old.parentId(), old.issuedAt(), old.expiresAt(), Optional.of(at),
                    old.revokedAt(), old.boundKey()));
            putRefreshToken(refreshToken);
            putAccessToken(accessToken);
            return true;
        });
    }

    @Override
    public boolean reissue(AccessToken accessToken, RefreshToken refreshToken, Instant at) {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> {
            List<RefreshToken> siblings = store.refreshTokens.values().stream()
                    .filter(token -> token.grantId().equals(refreshToken.grantId())
                            && token.parentId().equals(refreshToken.parentId()))
                    .toList();
            List<RefreshToken> active = siblings.stream()
                    .filter(token -> token.revokedAt().isEmpty() && !token.isRetired())
                    .toList();
            boolean grantRevoked = revokedAt(Optional.empty(), refreshToken.grantId()).isPresent();
            if (grantRevoked || active.size() != 1 || siblings.stream().anyMatch(RefreshToken::isRetired)) {
                return false;
            }
            checkRefreshToken(refreshToken);
            checkAccessToken(accessToken, Optional.of(refreshToken));
            TokenId replaced = active.get(0).id();
            store.refreshTokens.put(replaced, withRevokedAt(active.get(0), Optional.of(at)));
            store.accessTokens.replaceAll((id, token) -> token.refreshTokenId().equals(Optional.of(replaced))
                    && token.revokedAt().isEmpty() ? withRevokedAt(token, Optional.of(at)) : token);
            putRefreshToken(refreshToken);
            putAccessToken(accessToken);
            return true;
        });
    }

    @Override
    public Optional<AccessToken> findAccessToken(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> Optional.ofNullable(store.accessTokenIds.get(hash))
                .map(store.accessTokens::get)
                .map(token -> withRevokedAt(token, revokedAt(token.revokedAt(), token.grantId()))));
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> Optional.ofNullable(store.refreshTokenIds.get(hash))
                .map(store.refreshTokens::get)
                .map(token -> withRevokedAt(token, revokedAt(token.revokedAt(), token.grantId()))));
    }

    @Override
    public Optional<RefreshTokenOfGrant> findRefreshTokenWithGrant(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> findRefreshToken(hash)
                .map(token -> new RefreshTokenOfGrant(token, store.grants.get(token.grantId()).createdAt())));
    }

    @Override
    public boolean revokeAccessToken(TokenId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> store.accessTokens.computeIfPresent(id, (key, token) ->
                token.revokedAt().isPresent() ? token : withRevokedAt(token, Optional.of(at))) != null);
    }

    @Override
    public boolean revokeRefreshToken(TokenId id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return store.atomically(() -> store.refreshTokens.computeIfPresent(id, (key, token) ->
                token.revokedAt().isPresent() ? token : withRevokedAt(token, Optional.of(at))) != null);
    }

    /** The earlier of a token's own revocation and its grant's. */
    private Optional<Instant> revokedAt(Optional<Instant> ownRevocation, GrantId grantId) {
        Optional<Instant> grantRevocation = Optional.ofNullable(store.grants.get(grantId)).flatMap(Grant::revokedAt);
        return Stream.concat(ownRevocation.stream(), grantRevocation.stream()).min(Instant::compareTo);
    }

    private void checkAccessToken(AccessToken token, Optional<RefreshToken> issuedWith) {
        store.requireGrant(token.grantId());
        token.refreshTokenId()
                .filter(id -> issuedWith.map(refresh -> !refresh.id().equals(id)).orElse(true))
                .ifPresent(store::requireRefreshToken);
        requireFresh(store.accessTokens.containsKey(token.id()) || store.accessTokenIds.containsKey(token.hash()),
                "access token " + token.id());
    }

    private void checkRefreshToken(RefreshToken token) {
        store.requireGrant(token.grantId());
        token.parentId().ifPresent(store::requireRefreshToken);
        requireFresh(store.refreshTokens.containsKey(token.id()) || store.refreshTokenIds.containsKey(token.hash()),
                "refresh token " + token.id());
    }

    private static void requireFresh(boolean stored, String row) {
        if (stored) {
            throw new IllegalStateException("Duplicate key: " + row);
        }
    }

    private void putAccessToken(AccessToken token) {
        store.accessTokens.put(token.id(), token);
        store.accessTokenIds.put(token.hash(), token.id());
    }

    private void putRefreshToken(RefreshToken token) {
        store.refreshTokens.put(token.id(), token);
        store.refreshTokenIds.put(token.hash(), token.id());
    }

    private static AccessToken withRevokedAt(AccessToken token, Optional<Instant> revokedAt) {
        return new AccessToken(token.id(), token.hash(), token.grantId(), token.clientId(), token.accountId(),
                token.scopes(), token.refreshTokenId(), token.issuedAt(), token.expiresAt(), revokedAt,
                token.boundKey());
    }

    private static RefreshToken withRevokedAt(RefreshToken token, Optional<Instant> revokedAt) {
        return new RefreshToken(token.id(), token.hash(), token.grantId(), token.clientId(), token.accountId(),
                token.scopes(), token.parentId(), token.issuedAt(), token.expiresAt(), token.retiredAt(), revokedAt,
                token.boundKey());
    }
}
