package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.testkit.testdata.TestGrants;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The promise of {@link DeviceAuthorizationStore}: requests found by either code, user codes
 * unique, a poll recorded only over the poll it followed, a request decided once, and an approved
 * one redeemed at most once, with its tokens, only by its client and while its grant stands,
 * however many race.
 */
public abstract class DeviceAuthorizationStoreContract extends StoreContract {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private DeviceAuthorizationStore requests() {
        return store.deviceAuthorizations();
    }

    private static DeviceAuthorization request(Client client) {
        return DeviceAuthorization.issue(TestIds.hashOf(TestIds.secret()), TestIds.hashOf(TestIds.secret()),
                client.id(), ScopeSet.parse("connect"), at(1_000), TTL, INTERVAL);
    }

    private DeviceAuthorization stored(Client client) {
        DeviceAuthorization request = request(client);
        assertThat(requests().add(request)).isTrue();
        return request;
    }

    /** A request approved by a new account, with its grant stored by the approval. */
    private Approved approved() {
        Client client = storedClient();
        Account account = storedAccount();
        DeviceAuthorization request = stored(client);
        Grant grant = TestGrants.of(client, account);
        assertThat(requests().decide(request.userCodeHash(), Optional.of(grant), at(2_000))).isTrue();
        return new Approved(request, grant);
    }

    private record Approved(DeviceAuthorization request, Grant grant) {
    }

    @Test
    void findWhenAddedThenFoundByEitherCodeAsIssued() {
        Client client = storedClient();
        DeviceAuthorization request = stored(client);

        assertThat(requests().findByDeviceCode(request.deviceCodeHash(), client.id())).contains(request);
        assertThat(requests().findByUserCode(request.userCodeHash())).contains(request);
    }

    @Test
    void findByDeviceCodeWhenAnotherClientOrUnknownThenEmpty() {
        Client client = storedClient();
        DeviceAuthorization request = stored(client);

        assertThat(requests().findByDeviceCode(request.deviceCodeHash(), new ClientId(TestIds.identifier()))).isEmpty();
        assertThat(requests().findByDeviceCode(TestIds.hashOf("unknown"), client.id())).isEmpty();
        assertThat(requests().findByUserCode(TestIds.hashOf("unknown"))).isEmpty();
    }

    @Test
    void addWhenUserCodeTakenThenFalseAndNothingStored() {
        Client client = storedClient();
        DeviceAuthorization first = stored(client);
        DeviceAuthorization clash = DeviceAuthorization.issue(TestIds.hashOf(TestIds.secret()), first.userCodeHash(),
                client.id(), ScopeSet.parse("connect"), at(1_000), TTL, INTERVAL);

        assertThat(requests().add(clash)).isFalse();
        assertThat(requests().findByDeviceCode(clash.deviceCodeHash(), client.id())).isEmpty();
        assertThat(requests().findByUserCode(first.userCodeHash())).contains(first);
    }

    @Test
    void recordPollWhenOverThePreviousPollThenRecordedElseRefused() {
        Client client = storedClient();
        DeviceAuthorization request = stored(client);
        SecretHash hash = request.deviceCodeHash();

        assertThat(requests().recordPoll(hash, Optional.empty(), at(3_000), INTERVAL)).isTrue();
        // A second poll computed from the same unpolled state lost the race.
        assertThat(requests().recordPoll(hash, Optional.empty(), at(3_500), INTERVAL)).isFalse();
        assertThat(requests().recordPoll(hash, Optional.of(at(3_000)), at(4_000), Duration.ofSeconds(10))).isTrue();

        DeviceAuthorization polled = requests().findByDeviceCode(hash, client.id()).orElseThrow();
        assertThat(polled.lastPolledAt()).contains(at(4_000));
        assertThat(polled.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(requests().recordPoll(TestIds.hashOf("unknown"), Optional.empty(), at(5_000), INTERVAL)).isFalse();
    }

    @Test
    void recordPollWhenRacingThenExactlyOneRecords() throws Exception {
        DeviceAuthorization request = stored(storedClient());

        List<Boolean> recorded = race(racer -> requests().recordPoll(request.deviceCodeHash(), Optional.empty(),
                at(3_000 + racer), INTERVAL));

        assertThat(recorded).containsOnlyOnce(true);
    }

    @Test
    void decideWhenApprovedThenGrantStoredAndRequestApproved() {
        Approved approved = approved();

        DeviceAuthorization found = requests().findByUserCode(approved.request().userCodeHash()).orElseThrow();
        assertThat(found.status()).isEqualTo(DeviceAuthorization.Status.APPROVED);
        assertThat(found.grantId()).contains(approved.grant().id());
        assertThat(store.grants().findById(approved.grant().id())).isPresent();
    }

    @Test
    void decideWhenDeniedThenDeniedWithoutGrant() {
        DeviceAuthorization request = stored(storedClient());

        assertThat(requests().decide(request.userCodeHash(), Optional.empty(), at(2_000))).isTrue();

        DeviceAuthorization found = requests().findByUserCode(request.userCodeHash()).orElseThrow();
        assertThat(found.status()).isEqualTo(DeviceAuthorization.Status.DENIED);
        assertThat(found.grantId()).isEmpty();
    }

    @Test
    void decideWhenDecidedBeforeOrExpiredOrUnknownThenFalseAndNothingStored() {
        Client client = storedClient();
        Account account = storedAccount();
        DeviceAuthorization denied = stored(client);
        requests().decide(denied.userCodeHash(), Optional.empty(), at(2_000));
        DeviceAuthorization expired = stored(client);
        Grant late = TestGrants.of(client, account);
        Grant afterDenial = TestGrants.of(client, account);

        assertThat(requests().decide(denied.userCodeHash(), Optional.of(afterDenial), at(3_000))).isFalse();
        assertThat(requests().decide(expired.userCodeHash(), Optional.of(late), expired.expiresAt())).isFalse();
        assertThat(requests().decide(TestIds.hashOf("unknown"), Optional.empty(), at(3_000))).isFalse();
        assertThat(store.grants().findById(afterDenial.id())).isEmpty();
        assertThat(store.grants().findById(late.id())).isEmpty();
        assertThat(requests().findByUserCode(expired.userCodeHash()).orElseThrow().status())
                .isEqualTo(DeviceAuthorization.Status.PENDING);
    }

    @Test
    void decideWhenRacingThenExactlyOneDecides() throws Exception {
        Client client = storedClient();
        Account account = storedAccount();
        DeviceAuthorization request = stored(client);

        List<Boolean> decided = race(racer -> requests().decide(request.userCodeHash(),
                racer % 2 == 0 ? Optional.of(TestGrants.of(client, account)) : Optional.empty(), at(2_000)));

        assertThat(decided).containsOnlyOnce(true);
    }

    @Test
    void redeemAndStoreWhenApprovedThenRedeemsAndStoresThePair() {
        Approved approved = approved();
        RefreshToken refreshToken = TestTokens.refresh(approved.grant()).build();
        AccessToken accessToken = TestTokens.access(approved.grant()).with(refreshToken).build();
        DeviceAuthorization request = approved.request();

        assertThat(requests().redeemAndStore(request.deviceCodeHash(), request.clientId(), at(3_000), accessToken,
                refreshToken)).isTrue();

        assertThat(store.tokens().findAccessToken(accessToken.hash())).contains(accessToken);
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).contains(refreshToken);
        assertThat(requests().findByDeviceCode(request.deviceCodeHash(), request.clientId()).orElseThrow().redeemedAt())
                .contains(at(3_000));
    }

    @Test
    void redeemAndStoreWhenPendingRedeemedStrangerExpiredOrGrantRevokedThenFalseAndStoresNothing() {
        DeviceAuthorization pending = stored(storedClient());
        Approved redeemedBefore = approved();
        RefreshToken first = TestTokens.refresh(redeemedBefore.grant()).build();
        requests().redeemAndStore(redeemedBefore.request().deviceCodeHash(), redeemedBefore.request().clientId(),
                at(3_000), TestTokens.access(redeemedBefore.grant()).with(first).build(), first);
        Approved revoked = approved();
        store.grants().revoke(revoked.grant().id(), at(2_500));
        Approved fresh = approved();

        assertRedeemsAndStoresNothing(redeemedBefore.grant(), pending, pending.clientId(), at(3_000));
        assertRedeemsAndStoresNothing(redeemedBefore.grant(), redeemedBefore.request(),
                redeemedBefore.request().clientId(), at(4_000));
        assertRedeemsAndStoresNothing(revoked.grant(), revoked.request(), revoked.request().clientId(), at(3_000));
        assertRedeemsAndStoresNothing(fresh.grant(), fresh.request(), new ClientId(TestIds.identifier()), at(3_000));
        assertRedeemsAndStoresNothing(fresh.grant(), fresh.request(), fresh.request().clientId(),
                fresh.request().expiresAt());
        assertThat(requests().findByDeviceCode(fresh.request().deviceCodeHash(), fresh.request().clientId())
                .orElseThrow().redeemedAt()).isEmpty();
    }

    private void assertRedeemsAndStoresNothing(Grant grant, DeviceAuthorization request, ClientId presenter,
                                               java.time.Instant at) {
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();
        assertThat(requests().redeemAndStore(request.deviceCodeHash(), presenter, at, accessToken, refreshToken))
                .isFalse();
        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
        assertThat(store.tokens().findAccessToken(accessToken.hash())).isEmpty();
    }

    @Test
    void redeemAndStoreWhenTheTokensCannotBeStoredThenTheRequestStaysUnredeemed() {
        Approved approved = approved();
        AccessToken existing = TestTokens.access(approved.grant()).build();
        store.tokens().add(existing, Optional.empty());
        RefreshToken refreshToken = TestTokens.refresh(approved.grant()).build();
        AccessToken clash = TestTokens.access(approved.grant()).id(existing.id()).with(refreshToken).build();
        DeviceAuthorization request = approved.request();

        assertThatThrownBy(() -> requests().redeemAndStore(request.deviceCodeHash(), request.clientId(), at(3_000),
                clash, refreshToken)).isInstanceOf(RuntimeException.class);

        assertThat(store.tokens().findRefreshToken(refreshToken.hash())).isEmpty();
        assertThat(requests().findByDeviceCode(request.deviceCodeHash(), request.clientId()).orElseThrow().redeemedAt())
                .isEmpty();
    }

    @Test
    void redeemAndStoreWhenRacingThenExactlyOneRedeemsAndOnlyItsPairIsStored() throws Exception {
        Approved approved = approved();
        DeviceAuthorization request = approved.request();
        List<RefreshToken> refreshTokens = new ArrayList<>();
        List<AccessToken> accessTokens = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            RefreshToken refreshToken = TestTokens.refresh(approved.grant()).build();
            refreshTokens.add(refreshToken);
            accessTokens.add(TestTokens.access(approved.grant()).with(refreshToken).build());
        }

        List<Boolean> redeemed = race(racer -> requests().redeemAndStore(request.deviceCodeHash(), request.clientId(),
                at(3_000), accessTokens.get(racer), refreshTokens.get(racer)));

        assertThat(redeemed).containsOnlyOnce(true);
        int winner = redeemed.indexOf(true);
        for (int i = 0; i < RACERS; i++) {
            assertThat(store.tokens().findRefreshToken(refreshTokens.get(i).hash()).isPresent()).isEqualTo(i == winner);
        }
    }

    @Test
    void purgeWhenExpiredBeforeThenDeletedOthersKept() {
        Client client = storedClient();
        DeviceAuthorization expired = stored(client);
        DeviceAuthorization live = DeviceAuthorization.issue(TestIds.hashOf(TestIds.secret()),
                TestIds.hashOf(TestIds.secret()), client.id(), ScopeSet.parse("connect"), at(900_000), TTL, INTERVAL);
        assertThat(requests().add(live)).isTrue();

        int deleted = store.purge().deleteExpiredDeviceAuthorizations(expired.expiresAt().plusMillis(1), 10);

        assertThat(deleted).isEqualTo(1);
        assertThat(requests().findByUserCode(expired.userCodeHash())).isEmpty();
        assertThat(requests().findByUserCode(live.userCodeHash())).contains(live);
    }
}
