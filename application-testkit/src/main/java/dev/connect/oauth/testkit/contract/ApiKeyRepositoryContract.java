package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The promise of {@link ApiKeyRepository}. */
public abstract class ApiKeyRepositoryContract extends StoreContract {

    private IssuedApiKey storedKey(Account owner) {
        IssuedApiKey key = TestAccounts.keyOf(owner);
        store.apiKeys().add(key);
        return key;
    }

    @Test
    void findByHashWhenAddedThenReturnsEveryField() {
        IssuedApiKey key = storedKey(storedAccount());

        assertThat(store.apiKeys().findByHash(key.hash())).contains(key);
    }

    @Test
    void findByHashWhenAddedRevokedThenReturnsItRevoked() {
        Account owner = storedAccount();
        IssuedApiKey key = new IssuedApiKey(new ApiKeyId(TestIds.identifier()), owner.id(),
                TestIds.hashOf(TestIds.secret()), at(1), Optional.of(at(2)));

        store.apiKeys().add(key);

        assertThat(store.apiKeys().findByHash(key.hash())).contains(key);
    }

    @Test
    void findByHashWhenUnknownThenEmpty() {
        storedKey(storedAccount());

        assertThat(store.apiKeys().findByHash(TestIds.hashOf("not an issued key"))).isEmpty();
    }

    @Test
    void revokeWhenOwnersActiveKeyThenTrueAndFoundRevoked() {
        Account owner = storedAccount();
        IssuedApiKey key = storedKey(owner);
        Instant revokedAt = at(5_005);

        assertThat(store.apiKeys().revoke(owner.id(), key.id(), revokedAt)).isTrue();

        IssuedApiKey found = store.apiKeys().findByHash(key.hash()).orElseThrow();
        assertThat(found.revokedAt()).contains(revokedAt);
        assertThat(found.isActive()).isFalse();
        assertThat(found.createdAt()).isEqualTo(key.createdAt());
    }

    @Test
    void revokeWhenAlreadyRevokedThenFalseAndKeepsTheFirstTime() {
        Account owner = storedAccount();
        IssuedApiKey key = storedKey(owner);
        store.apiKeys().revoke(owner.id(), key.id(), at(1_000));

        assertThat(store.apiKeys().revoke(owner.id(), key.id(), at(2_000))).isFalse();

        assertThat(store.apiKeys().findByHash(key.hash()).orElseThrow().revokedAt()).contains(at(1_000));
    }

    @Test
    void revokeWhenAnotherAccountsKeyThenFalseAndKeyStaysActive() {
        IssuedApiKey key = storedKey(storedAccount());
        Account intruder = storedAccount();

        assertThat(store.apiKeys().revoke(intruder.id(), key.id(), at(1_000))).isFalse();

        assertThat(store.apiKeys().findByHash(key.hash()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void revokeWhenUnknownKeyThenFalse() {
        Account owner = storedAccount();
        storedKey(owner);

        assertThat(store.apiKeys().revoke(owner.id(), new ApiKeyId("no-such-key"), at(1_000))).isFalse();
    }

    @Test
    void revokeThenLeavesTheOwnersOtherKeysActive() {
        Account owner = storedAccount();
        IssuedApiKey revoked = storedKey(owner);
        IssuedApiKey kept = storedKey(owner);

        store.apiKeys().revoke(owner.id(), revoked.id(), at(1_000));

        assertThat(store.apiKeys().findByHash(kept.hash())).contains(kept);
    }
}
