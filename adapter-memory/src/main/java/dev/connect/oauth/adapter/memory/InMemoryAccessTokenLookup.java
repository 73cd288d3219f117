package dev.connect.oauth.adapter.memory;

import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.domain.SecretHash;
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
}
