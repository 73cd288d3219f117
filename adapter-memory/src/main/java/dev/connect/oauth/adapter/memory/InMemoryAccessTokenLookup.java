package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AccessTokenLookup} on an {@link InMemoryStore}: the token and account lookups of the
 * store's own repositories, run inside one {@link InMemoryStore#atomically} step (its lock is
 * reentrant), so both see the store as of the same moment, as one database statement would.
 */
final class InMemoryAccessTokenLookup implements AccessTokenLookup {
    private final InMemoryStore store;
    private final InMemoryTokenRepository tokens;
    private final InMemoryAccountRepository accounts;

    InMemoryAccessTokenLookup(InMemoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.tokens = new InMemoryTokenRepository(store);
        this.accounts = new InMemoryAccountRepository(store);
    }

    @Override
    public Optional<DescribedAccessToken> findWithAccount(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return store.atomically(() -> tokens.findAccessToken(hash)
                .map(token -> new DescribedAccessToken(token, token.accountId().flatMap(accounts::findById))));
    }

    @Override
    public List<SecretHash> revokedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return store.atomically(() -> store.accessTokens.values().stream()
                .filter(token -> token.expiresAt().isAfter(since))
                .filter(token -> revokedSince(token.revokedAt(), since)
                        || revokedSince(Optional.ofNullable(store.grants.get(token.grantId())).flatMap(Grant::revokedAt), since))
                .map(AccessToken::hash)
                .toList());
    }

    private static boolean revokedSince(Optional<Instant> revokedAt, Instant since) {
        return revokedAt.filter(at -> !at.isBefore(since)).isPresent();
    }
}
