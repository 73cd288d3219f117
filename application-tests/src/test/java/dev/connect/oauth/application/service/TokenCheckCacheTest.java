package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.TokenCachePolicy;
import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.adapter.memory.InMemoryStore;
import dev.connect.oauth.application.port.out.AccessTokenLookup;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestTokens;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.SecretHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rules of {@link TokenCheckCache}: expiry with the token, the bound, revocations seen, and the fallback. */
class TokenCheckCacheTest {
    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration SKEW = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final InMemoryStore memory = new InMemoryStore();
    private final StorePorts store = InMemoryPorts.create(memory);
    private final CountingLookup lookup = new CountingLookup(store.accessTokenLookup());
    private final Client client = TestClients.confidential().build();
    private final Account account = TestAccounts.customer().build();
    private final Grant grant = TestGrants.of(client, account);

    TokenCheckCacheTest() {
        store.clients().add(client);
        store.accounts().add(account, TestAccounts.keyOf(account));
        store.grants().add(grant);
    }

    private TokenCheckCache cache(int maxEntries) {
        return new TokenCheckCache(lookup, new TokenCachePolicy(maxEntries, DELAY, SKEW), clock);
    }

    private AccessToken stored(Duration ttl) {
        AccessToken token = TestTokens.access(grant).issuedAt(clock.instant()).ttl(ttl).build();
        store.tokens().add(token, Optional.empty());
        return token;
    }

    private AccessToken stored() {
        return stored(Duration.ofHours(1));
    }

    @Test
    void findWhenRefreshedThenLaterChecksFromMemory() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();

        assertThat(cache.find(token.hash())).map(DescribedAccessToken::token).contains(token);
        assertThat(cache.find(token.hash())).map(DescribedAccessToken::account).contains(Optional.of(account));
        assertThat(cache.cached(token.hash())).isPresent();
        assertThat(lookup.reads.get()).isEqualTo(1);
    }

    @Test
    void cachedWhenNeverRefreshedThenEmptyAndFindReadsTheStoreEachTime() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();

        cache.find(token.hash());
        cache.find(token.hash());

        assertThat(cache.cached(token.hash())).isEmpty();
        assertThat(lookup.reads.get()).isEqualTo(2);
    }

    @Test
    void cachedWhenTokenExpiresThenEmptyAndForgotten() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored(Duration.ofSeconds(30));
        cache.refresh();
        cache.find(token.hash());

        clock.advance(Duration.ofSeconds(30));
        cache.refresh();

        assertThat(cache.cached(token.hash())).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.find(token.hash())).map(found -> found.token().isActive(clock.instant())).contains(false);
    }

    @Test
    void findWhenTokenInactiveThenNotKept() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        store.tokens().revokeAccessToken(token.id(), clock.instant());
        cache.refresh();

        assertThat(cache.find(token.hash())).isPresent();
        assertThat(cache.size()).isZero();
    }

    @Test
    void findWhenMoreTokensThanTheBoundThenAtMostTheBoundKept() {
        TokenCheckCache cache = cache(10);
        cache.refresh();

        for (int i = 0; i < 35; i++) {
            cache.find(stored().hash());
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void findWhenSizeZeroThenNothingKept() {
        TokenCheckCache cache = cache(0);
        AccessToken token = stored();
        cache.refresh();

        cache.find(token.hash());
        cache.find(token.hash());

        assertThat(cache.size()).isZero();
        assertThat(lookup.reads.get()).isEqualTo(2);
    }

    @Test
    void refreshWhenTokenRevokedOnAnotherNodeThenForgotten() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());

        clock.advance(Duration.ofMillis(100));
        store.tokens().revokeAccessToken(token.id(), clock.instant());
        cache.refresh();

        assertThat(cache.cached(token.hash())).isEmpty();
        assertThat(cache.find(token.hash()).orElseThrow().token().isActive(clock.instant())).isFalse();
    }

    @Test
    void refreshWhenGrantRevokedOnAnotherNodeThenEveryTokenOfItForgotten() {
        TokenCheckCache cache = cache(100);
        AccessToken first = stored();
        AccessToken second = stored();
        cache.refresh();
        cache.find(first.hash());
        cache.find(second.hash());

        store.grants().revoke(grant.id(), clock.instant());
        cache.refresh();

        assertThat(cache.cached(first.hash())).isEmpty();
        assertThat(cache.cached(second.hash())).isEmpty();
    }

    @Test
    void refreshWhenRevocationStampedByALaggingClockThenStillSeen() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());
        clock.advance(Duration.ofMillis(500));
        cache.refresh();

        // The revoking node's clock is 5 s behind this one's, within the tolerated skew.
        store.tokens().revokeAccessToken(token.id(), clock.instant().minusSeconds(5));
        clock.advance(Duration.ofMillis(500));
        cache.refresh();

        assertThat(cache.cached(token.hash())).isEmpty();
    }

    @Test
    void cachedWhenLastRefreshOlderThanTheDelayThenEmptyAndChecksReadTheStore() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());
        memory.setAvailable(false);

        clock.advance(DELAY.dividedBy(2));
        assertThat(cache.refresh()).isFalse();
        assertThat(cache.cached(token.hash())).isPresent();

        clock.advance(DELAY.dividedBy(2));
        assertThat(cache.refresh()).isFalse();
        assertThat(cache.cached(token.hash())).isEmpty();

        memory.setAvailable(true);
        store.tokens().revokeAccessToken(token.id(), clock.instant());
        assertThat(cache.find(token.hash()).orElseThrow().token().isActive(clock.instant())).isFalse();
        assertThat(cache.refresh()).isTrue();
        assertThat(cache.cached(token.hash())).isEmpty();
    }

    @Test
    void refreshWhenRevokedDuringAnOutageThenSeenWhenTheStoreAnswersAgain() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());
        memory.setAvailable(false);
        clock.advance(Duration.ofSeconds(30));
        cache.refresh();

        memory.setAvailable(true);
        store.tokens().revokeAccessToken(token.id(), clock.instant().minusSeconds(20));
        clock.advance(Duration.ofSeconds(1));
        cache.refresh();

        assertThat(cache.cached(token.hash())).isEmpty();
    }

    @Test
    void refreshWhenLastSuccessLongAgoThenEverythingForgotten() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored(Duration.ofHours(2));
        cache.refresh();
        cache.find(token.hash());

        clock.advance(TokenCheckCache.MAX_CATCH_UP.plusSeconds(1));
        cache.refresh();

        assertThat(cache.size()).isZero();
    }

    @Test
    void forgetWhenTokenRevokedHereThenNotAcceptedFromMemory() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());

        store.tokens().revokeAccessToken(token.id(), clock.instant());
        cache.forget(token.hash());

        assertThat(cache.cached(token.hash())).isEmpty();
    }

    @Test
    void revokedHereWhenGrantRevokedThenItsTokensForgottenAtOnce() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());

        new RevocationAwareGrantRepository(store.grants(), cache).revoke(grant.id(), clock.instant());

        assertThat(cache.cached(token.hash())).isEmpty();
    }

    @Test
    void revokedHereWhenStoreDoesNotAnswerThenEverythingForgotten() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        cache.find(token.hash());
        memory.setAvailable(false);

        cache.revokedHere();

        assertThat(cache.size()).isZero();
    }

    @Test
    void findWhenARevocationIsSeenDuringTheReadThenTheReadIsNotKept() {
        TokenCheckCache cache = cache(100);
        AccessToken token = stored();
        cache.refresh();
        lookup.duringRead = () -> cache.forget(TestTokens.access(grant).build().hash());

        assertThat(cache.find(token.hash())).isPresent();

        assertThat(cache.size()).isZero();
    }

    /** Counts the store reads of the lookup, and runs {@link #duringRead} inside one. */
    private static final class CountingLookup implements AccessTokenLookup {
        private final AccessTokenLookup delegate;
        private final AtomicInteger reads = new AtomicInteger();
        private Runnable duringRead = () -> { };

        CountingLookup(AccessTokenLookup delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<DescribedAccessToken> findWithAccount(SecretHash hash) {
            reads.incrementAndGet();
            duringRead.run();
            return delegate.findWithAccount(hash);
        }

        @Override
        public List<SecretHash> revokedSince(Instant since) {
            return delegate.revokedSince(since);
        }
    }
}
