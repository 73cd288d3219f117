package dev.connect.oauth.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.testdata.TestClients;
import dev.connect.oauth.testkit.testdata.TestIds;
import dev.connect.oauth.testkit.testdata.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The promise of {@link ClientRepository}. */
public abstract class ClientRepositoryContract extends StoreContract {

    @Test
    void findByIdWhenConfidentialClientAddedThenReturnsEveryField() {
        Client client = TestClients.confidential()
                .name("Zapier Connector")
                .redirectUris("https://z.example.com/cb", "http://127.0.0.1:8123/cb", "https://a.example.com/cb?x=1")
                .scopes("triggers connect actions")
                .createdAt(at(1_234))
                .build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id())).contains(client);
        assertThat(store.clients().findById(client.id()).orElseThrow().redirectUris()).extracting(Object::toString)
                .containsExactly("https://z.example.com/cb", "http://127.0.0.1:8123/cb", "https://a.example.com/cb?x=1");
    }

    @Test
    void findByIdWhenOpenIdSettingsRegisteredThenReturnsThemInOrder() {
        ClientOpenIdSettings openId = new ClientOpenIdSettings(List.of(new RedirectUri("https://z.example.com/bye"),
                new RedirectUri("http://127.0.0.1:8123/bye?x=1")), SubjectType.PAIRWISE, Optional.of(Duration.ofSeconds(900)),
                ResourceSet.parse(List.of("https://z.example.com/api", "urn:example:files", "https://a.example.com/?x=1")));
        Client client = TestClients.confidential().openId(openId).build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id())).contains(client);
        assertThat(store.clients().findAll()).contains(client);
        assertThat(store.clients().findById(client.id()).orElseThrow().openId()).isEqualTo(openId);
        assertThat(store.clients().findById(client.id()).orElseThrow().openId().resources().values())
                .containsExactly("https://z.example.com/api", "urn:example:files", "https://a.example.com/?x=1");
    }

    @Test
    void findByIdWhenNoOpenIdSettingsRegisteredThenDefaults() {
        Client client = TestClients.publicClient().build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id()).orElseThrow().openId()).isEqualTo(ClientOpenIdSettings.DEFAULTS);
    }

    @Test
    void updateWhenOpenIdSettingsChangedThenStoresThem() {
        Client client = storedClient();
        Client changed = new Client(client.id(), client.name(), client.type(), client.secretHash(), client.redirectUris(),
                client.allowedScopes(), client.createdAt(), new ClientOpenIdSettings(
                        List.of(new RedirectUri("https://a.example.com/bye")), SubjectType.PAIRWISE, Optional.of(Duration.ZERO),
                        ResourceSet.parse(List.of("https://api.example.com/"))));

        assertThat(store.clients().update(changed)).isTrue();

        assertThat(store.clients().findById(client.id())).contains(changed);
    }

    @Test
    void findByIdWhenAuthSettingsRegisteredThenReturnsEveryOne() {
        ClientAuthSettings auth = new ClientAuthSettings(ClientAuthMethod.PRIVATE_KEY_JWT,
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                Set.of(ResponseType.CODE), Optional.of("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\"}]}"),
                Optional.empty(), Optional.of("ES256"), Optional.of(TestIds.hashOf("registration token")));
        Client client = TestClients.confidential().auth(auth).secretHash(Optional.empty()).build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id())).contains(client);
        assertThat(store.clients().findAll()).contains(client);
    }

    @Test
    void findByIdWhenSealedSecretThenReturnsItAndUpdateReplacesIt() {
        SealedSecret sealed = new SealedSecret("A256GCM.kek-1." + "n".repeat(16) + "." + "c".repeat(150));
        Client client = TestClients.confidential().clientSecretJwt(sealed, Optional.of("HS512")).build();

        store.clients().add(client);
        assertThat(store.clients().findById(client.id())).contains(client);
        assertThat(store.clients().findById(client.id()).orElseThrow().secretHash()).isEmpty();

        Client rotated = client.withSealedSecret(new SealedSecret("A256GCM.kek-1.rotated.x"));
        assertThat(store.clients().update(rotated)).isTrue();
        assertThat(store.clients().findById(client.id())).contains(rotated);
    }

    @Test
    void replaceSealedSecretWhenStillExpectedThenReplacedElseUntouched() {
        SealedSecret sealed = new SealedSecret("A256GCM.old.n.c");
        Client client = TestClients.confidential().clientSecretJwt(sealed, Optional.empty()).build();
        store.clients().add(client);
        SealedSecret rewrapped = new SealedSecret("A256GCM.new.n.c");

        assertThat(store.clients().replaceSealedSecret(client.id(), new SealedSecret("A256GCM.other.n.c"), rewrapped)).isFalse();
        assertThat(store.clients().findById(client.id()).orElseThrow().sealedSecret()).contains(sealed);
        assertThat(store.clients().replaceSealedSecret(client.id(), sealed, rewrapped)).isTrue();
        assertThat(store.clients().findById(client.id())).contains(client.withSealedSecret(rewrapped));
        assertThat(store.clients().replaceSealedSecret(client.id(), sealed, new SealedSecret("A256GCM.late.n.c"))).isFalse();
        assertThat(store.clients().replaceSealedSecret(TestClients.confidential().build().id(), rewrapped, sealed)).isFalse();
    }

    @Test
    void findByIdWhenJwksUriAndNoResponseTypesThenReturnsThem() {
        ClientAuthSettings auth = new ClientAuthSettings(ClientAuthMethod.PRIVATE_KEY_JWT, Set.of(GrantType.CLIENT_CREDENTIALS),
                Set.of(), Optional.empty(), Optional.of("https://keys.example.com/jwks.json"), Optional.empty(),
                Optional.empty());
        Client client = TestClients.confidential().redirectUris().auth(auth).secretHash(Optional.empty()).build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id())).contains(client);
    }

    @Test
    void findByIdWhenDefaultsThenTheTypesDefaults() {
        Client confidential = TestClients.confidential().build();
        Client publicClient = TestClients.publicClient().build();

        store.clients().add(confidential);
        store.clients().add(publicClient);

        assertThat(store.clients().findById(confidential.id()).orElseThrow().auth())
                .isEqualTo(ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, true));
        assertThat(store.clients().findById(publicClient.id()).orElseThrow().auth().method()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(store.clients().findById(confidential.id()).orElseThrow().accessTokenFormat())
                .isEqualTo(AccessTokenFormat.JWT);
    }

    @Test
    void findByIdWhenReferenceTokensChosenThenKeepsTheFormatAndUpdateChangesIt() {
        Client reference = TestClients.confidential().accessTokenFormat(AccessTokenFormat.REFERENCE).build();
        store.clients().add(reference);

        assertThat(store.clients().findById(reference.id())).contains(reference);

        Client jwt = TestClients.confidential().id(reference.id()).createdAt(reference.createdAt()).build();
        assertThat(store.clients().update(jwt)).isTrue();

        assertThat(store.clients().findById(reference.id()).orElseThrow().accessTokenFormat())
                .isEqualTo(AccessTokenFormat.JWT);
    }

    @Test
    void updateWhenAuthSettingsChangedThenStoresThem() {
        Client client = storedClient();
        Client changed = client.withRegistrationTokenHash(TestIds.hashOf("new registration token"));

        assertThat(store.clients().update(changed)).isTrue();

        assertThat(store.clients().findById(client.id())).contains(changed);
    }

    @Test
    void findByIdWhenPushedRequestsRequiredThenKeepsTheSetting() {
        Client client = TestClients.publicClient().requirePushedAuthorizationRequests(true).build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id()).orElseThrow().requirePushedAuthorizationRequests()).isTrue();
    }

    @Test
    void findByIdWhenPublicClientAddedThenHasNoSecret() {
        Client client = TestClients.publicClient().build();

        store.clients().add(client);

        assertThat(store.clients().findById(client.id())).contains(client);
        assertThat(store.clients().findById(client.id()).orElseThrow().secretHash()).isEmpty();
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        storedClient();

        assertThat(store.clients().findById(new ClientId("no-such-client"))).isEmpty();
    }

    @Test
    void updateWhenStoredThenReplacesTheClient() {
        Client client = storedClient();
        Client rotated = client.withSecretHash(TestClients.confidential().secret("another secret").build()
                .secretHash().orElseThrow());

        assertThat(store.clients().update(rotated)).isTrue();

        assertThat(store.clients().findById(client.id())).contains(rotated);
    }

    @Test
    void updateWhenUnknownThenFalseAndStoresNothing() {
        Client client = TestClients.confidential().build();

        assertThat(store.clients().update(client)).isFalse();

        assertThat(store.clients().findById(client.id())).isEmpty();
    }

    @Test
    void findAllThenOldestFirst() {
        Client middle = TestClients.confidential().createdAt(at(2_000)).build();
        Client newest = TestClients.publicClient().createdAt(at(3_000)).build();
        Client oldest = TestClients.confidential().createdAt(at(1_000)).build();
        store.clients().add(middle);
        store.clients().add(newest);
        store.clients().add(oldest);

        assertThat(store.clients().findAll()).containsExactly(oldest, middle, newest);
    }

    @Test
    void findAllWhenEmptyThenEmpty() {
        assertThat(store.clients().findAll()).isEmpty();
    }

    @Test
    void removeWhenStoredThenTrueAndGone() {
        Client client = storedClient();
        Client other = storedClient();

        assertThat(store.clients().remove(client.id(), at(5_000))).isTrue();

        assertThat(store.clients().findById(client.id())).isEmpty();
        assertThat(store.clients().findAll()).containsExactly(other);
    }

    @Test
    void removeWhenUnknownOrRemovedThenFalse() {
        Client client = storedClient();
        store.clients().remove(client.id(), at(5_000));

        assertThat(store.clients().remove(client.id(), at(6_000))).isFalse();
        assertThat(store.clients().remove(new ClientId("no-such-client"), at(6_000))).isFalse();
    }

    @Test
    void removeThenRevokesTheClientsGrantsAndTheirTokensAtTheGivenTime() {
        Client client = storedClient();
        Account account = storedAccount();
        Grant grant = storedGrant(client, account);
        Grant otherAccountsGrant = storedGrant(client, storedAccount());
        Grant otherClientsGrant = storedGrant(storedClient(), account);
        RefreshToken refreshToken = TestTokens.refresh(grant).build();
        AccessToken accessToken = TestTokens.access(grant).with(refreshToken).build();
        store.tokens().add(accessToken, Optional.of(refreshToken));
        AccessToken untouched = TestTokens.access(otherClientsGrant).build();
        store.tokens().add(untouched, Optional.empty());

        store.clients().remove(client.id(), at(7_007));

        assertThat(revokedAt(grant)).contains(at(7_007));
        assertThat(revokedAt(otherAccountsGrant)).contains(at(7_007));
        assertThat(revokedAt(otherClientsGrant)).isEmpty();
        assertThat(store.grants().findActiveByAccount(account.id())).containsExactly(otherClientsGrant);
        assertThat(store.tokens().findAccessToken(accessToken.hash()).orElseThrow().revokedAt()).contains(at(7_007));
        assertThat(store.tokens().findRefreshToken(refreshToken.hash()).orElseThrow().revokedAt()).contains(at(7_007));
        assertThat(store.tokens().findAccessToken(untouched.hash()).filter(t -> t.isActive(at(1)))).isPresent();
    }

    @Test
    void removeWhenGrantRevokedBeforeThenKeepsTheFirstRevocationTime() {
        Client client = storedClient();
        Grant revokedBefore = storedGrant(client, storedAccount());
        Grant active = storedGrant(client, storedAccount());
        store.grants().revoke(revokedBefore.id(), at(3_000));

        store.clients().remove(client.id(), at(8_000));

        assertThat(revokedAt(revokedBefore)).contains(at(3_000));
        assertThat(revokedAt(active)).contains(at(8_000));
    }

    private Optional<Instant> revokedAt(Grant grant) {
        return store.grants().findById(grant.id()).orElseThrow().revokedAt();
    }
}
