package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Instant;
import java.util.Optional;

/** Active grants with a fresh id, created at {@link MutableClock#START}, for the client's scopes. */
public final class TestGrants {
    private TestGrants() {
    }

    /** An account's consent to a client (authorization code grant). */
    public static Grant of(Client client, Account account) {
        return of(client, account, MutableClock.START);
    }

    public static Grant of(Client client, Account account, Instant createdAt) {
        return Grant.of(new GrantId(TestIds.identifier()), client.id(), Optional.of(account.id()),
                client.allowedScopes(), createdAt);
    }

    public static Grant of(Client client, Account account, ScopeSet scopes) {
        return Grant.of(new GrantId(TestIds.identifier()), client.id(), Optional.of(account.id()), scopes,
                MutableClock.START);
    }

    /** The client acting for itself (client credentials grant): no account. */
    public static Grant forClient(Client client) {
        return Grant.of(new GrantId(TestIds.identifier()), client.id(), Optional.empty(), client.allowedScopes(),
                MutableClock.START);
    }
}
