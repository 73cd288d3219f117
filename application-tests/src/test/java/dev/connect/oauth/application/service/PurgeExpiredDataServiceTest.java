package dev.connect.oauth.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.adapter.memory.InMemoryPorts;
import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase.Purged;
import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.BrowserSession;
import dev.connect.oauth.application.port.out.StorePorts;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.testkit.testdata.MutableClock;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import dev.connect.oauth.testkit.testdata.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurgeExpiredDataServiceTest {
    private final MutableClock clock = new MutableClock();
    private final StorePorts ports = InMemoryPorts.create();
    private final PurgeExpiredDataService service = new PurgeExpiredDataService(ports.purge(), clock);
    private final Account account = TestAccounts.customer().build();

    private BrowserSession session(Instant expiresAt) {
        BrowserSession session = new BrowserSession(TestIds.hashOf(TestIds.secret()), account.id(),
                expiresAt.minus(Duration.ofHours(8)), expiresAt);
        ports.sessions().add(session);
        return session;
    }

    @Test
    void purgeWhenMoreThanABatchExpiredThenEveryBatchUntilNoneLeft() {
        ports.accounts().add(account, TestAccounts.keyOf(account));
        int expired = PurgeExpiredDataService.BATCH * 2 + 7;
        for (int i = 0; i < expired; i++) {
            session(clock.instant().minus(Duration.ofDays(2)));
        }

        Purged purged = service.purge(Duration.ofDays(90));

        assertThat(purged.sessions()).isEqualTo(expired);
        assertThat(service.purge(Duration.ofDays(90)).total()).isZero();
    }

    @Test
    void purgeThenKeepsWhatExpiredWithinADayAndAuditWithinRetention() {
        ports.accounts().add(account, TestAccounts.keyOf(account));
        BrowserSession recentlyExpired = session(clock.instant().minus(Duration.ofHours(1)));
        BrowserSession longExpired = session(clock.instant().minus(Duration.ofDays(2)));
        AuditEvent old = new AuditEvent(AuditEventType.SIGN_IN_FAILED, Optional.empty(), Optional.empty(), "", clock.instant().minus(Duration.ofDays(31)));
        AuditEvent kept = new AuditEvent(AuditEventType.ACCOUNT_CREATED, Optional.empty(), Optional.empty(), "", clock.instant().minus(Duration.ofDays(29)));
        ports.audit().record(old);
        ports.audit().record(kept);

        Purged purged = service.purge(Duration.ofDays(30));

        assertThat(purged).isEqualTo(new Purged(0, 0, 0, 1, 1, 0));
        assertThat(ports.sessions().findByHash(recentlyExpired.hash())).isPresent();
        assertThat(ports.sessions().findByHash(longExpired.hash())).isEmpty();
        assertThat(ports.audit().recent(10)).containsExactly(kept);
    }

    @Test
    void purgeWhenPushedRequestExpiredThenDeletesItWithoutGrace() {
        ClientId client = new ClientId(TestIds.identifier());
        PushedAuthorizationRequest expired = new PushedAuthorizationRequest(TestIds.hashOf(TestIds.secret()), client,
                Map.of("client_id", client.value()), clock.instant().minusSeconds(1));
        PushedAuthorizationRequest live = new PushedAuthorizationRequest(TestIds.hashOf(TestIds.secret()), client,
                Map.of("client_id", client.value()), clock.instant().plusSeconds(30));
        ports.pushedRequests().add(expired);
        ports.pushedRequests().add(live);

        Purged purged = service.purge(Duration.ofDays(30));

        assertThat(purged.pushedRequests()).isEqualTo(1);
        assertThat(ports.pushedRequests().take(live.hash(), client, clock.instant())).contains(live);
    }
}
