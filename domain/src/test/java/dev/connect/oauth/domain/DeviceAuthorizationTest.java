package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceAuthorizationTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final GrantId GRANT = new GrantId("grant-1");

    private static DeviceAuthorization pending() {
        return DeviceAuthorization.issue(new SecretHash("a".repeat(64)), new SecretHash("b".repeat(64)),
                new ClientId("tv-app"), ScopeSet.parse("connect"), NOW, Duration.ofMinutes(10), INTERVAL);
    }

    @Test
    void issueThenPendingUnpolledAndLivingItsTtl() {
        DeviceAuthorization issued = pending();
        assertThat(issued.status()).isEqualTo(DeviceAuthorization.Status.PENDING);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(issued.lastPolledAt()).isEmpty();
        assertThat(issued.grantId()).isEmpty();
        assertThat(issued.isDecidable(NOW)).isTrue();
    }

    @Test
    void pollWhenFirstThenNotTooSoonAndRecorded() {
        DeviceAuthorization.Poll poll = pending().poll(NOW);
        assertThat(poll.tooSoon()).isFalse();
        assertThat(poll.next().lastPolledAt()).contains(NOW);
        assertThat(poll.next().interval()).isEqualTo(INTERVAL);
    }

    @Test
    void pollWhenAfterTheIntervalThenNotTooSoon() {
        DeviceAuthorization polled = pending().poll(NOW).next();
        DeviceAuthorization.Poll poll = polled.poll(NOW.plus(INTERVAL));
        assertThat(poll.tooSoon()).isFalse();
        assertThat(poll.next().interval()).isEqualTo(INTERVAL);
    }

    @Test
    void pollWhenSoonerThanTheIntervalThenSlowDownAndIntervalGrowsByFiveSeconds() {
        DeviceAuthorization polled = pending().poll(NOW).next();
        DeviceAuthorization.Poll poll = polled.poll(NOW.plusSeconds(4));
        assertThat(poll.tooSoon()).isTrue();
        assertThat(poll.next().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(poll.next().lastPolledAt()).contains(NOW.plusSeconds(4));
        // The grown interval holds for every later poll (RFC 8628 §3.5).
        assertThat(poll.next().poll(NOW.plusSeconds(13)).tooSoon()).isTrue();
        assertThat(poll.next().poll(NOW.plusSeconds(14)).tooSoon()).isFalse();
    }

    @Test
    void checkRedeemableWhenPendingThenAuthorizationPending() {
        assertThatThrownBy(() -> pending().checkRedeemable(NOW))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTHORIZATION_PENDING));
    }

    @Test
    void checkRedeemableWhenDeniedThenAccessDenied() {
        assertThatThrownBy(() -> pending().deny(NOW).checkRedeemable(NOW))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void checkRedeemableWhenExpiredThenExpiredTokenWhateverTheDecision() {
        Instant late = NOW.plus(Duration.ofMinutes(10));
        for (DeviceAuthorization request : new DeviceAuthorization[]{pending(), pending().deny(NOW),
                pending().approve(GRANT, NOW)}) {
            assertThatThrownBy(() -> request.checkRedeemable(late))
                    .isInstanceOfSatisfying(OAuthException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPIRED_TOKEN));
        }
    }

    @Test
    void checkRedeemableWhenApprovedThenPasses() {
        DeviceAuthorization approved = pending().approve(GRANT, NOW);
        approved.checkRedeemable(NOW.plusSeconds(1));
        assertThat(approved.grantId()).contains(GRANT);
    }

    @Test
    void redeemWhenRedeemedBeforeThenInvalidGrantOnce() {
        DeviceAuthorization redeemed = pending().approve(GRANT, NOW).redeem(NOW);
        assertThat(redeemed.redeemedAt()).contains(NOW);
        assertThatThrownBy(() -> redeemed.redeem(NOW))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
        assertThatThrownBy(() -> redeemed.checkRedeemable(NOW))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
    }

    @Test
    void redeemWhenNotApprovedThenInvalidGrant() {
        assertThatThrownBy(() -> pending().redeem(NOW))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
    }

    @Test
    void approveOrDenyWhenDecidedThenInvalidGrant() {
        DeviceAuthorization denied = pending().deny(NOW);
        assertThat(denied.isDecidable(NOW)).isFalse();
        assertThatThrownBy(() -> denied.approve(GRANT, NOW))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
        assertThatThrownBy(() -> pending().approve(GRANT, NOW).deny(NOW))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_GRANT));
    }

    @Test
    void approveWhenExpiredThenExpiredToken() {
        Instant late = NOW.plus(Duration.ofMinutes(10));
        assertThat(pending().isDecidable(late)).isFalse();
        assertThatThrownBy(() -> pending().approve(GRANT, late))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPIRED_TOKEN));
    }

    @Test
    void constructorWhenInconsistentThenRefused() {
        DeviceAuthorization ok = pending();
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceAuthorization(ok.deviceCodeHash(),
                ok.userCodeHash(), ok.clientId(), ok.scopes(), NOW, NOW.plus(Duration.ofHours(2)), INTERVAL,
                Optional.empty(), DeviceAuthorization.Status.PENDING, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceAuthorization(ok.deviceCodeHash(),
                ok.userCodeHash(), ok.clientId(), ok.scopes(), NOW, ok.expiresAt(), Duration.ZERO,
                Optional.empty(), DeviceAuthorization.Status.PENDING, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceAuthorization(ok.deviceCodeHash(),
                ok.userCodeHash(), ok.clientId(), ok.scopes(), NOW, ok.expiresAt(), INTERVAL,
                Optional.empty(), DeviceAuthorization.Status.APPROVED, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceAuthorization(ok.deviceCodeHash(),
                ok.userCodeHash(), ok.clientId(), ok.scopes(), NOW, ok.expiresAt(), INTERVAL,
                Optional.empty(), DeviceAuthorization.Status.DENIED, Optional.empty(), Optional.of(NOW)));
        assertThatNullPointerException().isThrownBy(() -> new DeviceAuthorization(null,
                ok.userCodeHash(), ok.clientId(), ok.scopes(), NOW, ok.expiresAt(), INTERVAL,
                Optional.empty(), DeviceAuthorization.Status.PENDING, Optional.empty(), Optional.empty()))
                .withMessage("deviceCodeHash");
    }
}
