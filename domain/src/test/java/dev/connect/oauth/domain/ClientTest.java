package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Optional<SecretHash> SECRET = Optional.of(new SecretHash("d".repeat(64)));
    private static final List<RedirectUri> URIS = List.of(RedirectUri.parse("https://a.example.com/cb"),
            RedirectUri.parse("http://127.0.0.1:8080/cb"));
    private static final ScopeSet SCOPES = ScopeSet.parse("connect triggers");

    private static Client client(String name, ClientType type, Optional<SecretHash> secret, List<RedirectUri> uris,
                                 ScopeSet scopes) {
        return new Client(new ClientId("client-1"), name, type, secret, uris, scopes, NOW);
    }

    private static Client confidential() {
        return client("App", ClientType.CONFIDENTIAL, SECRET, URIS, SCOPES);
    }

    private static Client publicClient() {
        return client("App", ClientType.PUBLIC, Optional.empty(), URIS, SCOPES);
    }

    @Test
    void constructorWhenConfidentialWithoutSecretThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> client("App", ClientType.CONFIDENTIAL, Optional.empty(), URIS, SCOPES));
    }

    @Test
    void constructorWhenPublicWithSecretThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> client("App", ClientType.PUBLIC, SECRET, URIS, SCOPES));
    }

    @Test
    void isPublicThenOnlyForPublicClients() {
        assertThat(publicClient().isPublic()).isTrue();
        assertThat(publicClient().secretHash()).isEmpty();
        assertThat(confidential().isPublic()).isFalse();
    }

    @Test
    void registeredRedirectUriWhenExactlyRegisteredThenFound() {
        assertThat(confidential().registeredRedirectUri("http://127.0.0.1:8080/cb")).contains(URIS.get(1));
        assertThat(confidential().registeredRedirectUri("https://a.example.com/cb")).contains(URIS.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.example.com/cb/", "https://a.example.com/c", "https://a.example.com/cb?x",
        "http://localhost:8080/cb", "http://127.0.0.1:8081/cb/", "http://127.0.0.1/cb?x", "HTTPS://a.example.com/cb", ""})
    void registeredRedirectUriWhenNotExactlyRegisteredThenEmpty(String candidate) {
        assertThat(confidential().registeredRedirectUri(candidate)).isEmpty();
    }

    @Test
    void registeredRedirectUriWhenLoopbackOnAnotherPortThenTheRequestedUri() {
        assertThat(confidential().registeredRedirectUri("http://127.0.0.1:51004/cb"))
                .contains(RedirectUri.parse("http://127.0.0.1:51004/cb"));
        assertThat(confidential().registeredRedirectUri("http://127.0.0.1/cb")).contains(RedirectUri.parse("http://127.0.0.1/cb"));
    }

    @Test
    void registeredRedirectUriWhenNullThenEmpty() {
        assertThatNullPointerException().isThrownBy(() -> confidential().registeredRedirectUri(null)).withMessage("candidate");
    }

    @Test
    void constructorThenCollapsesRepeatedRedirectUrisKeepingOrderAndCopiesTheList() {
        List<RedirectUri> uris = new ArrayList<>(List.of(URIS.get(1), URIS.get(0), URIS.get(1)));

        Client client = client("App", ClientType.PUBLIC, Optional.empty(), uris, SCOPES);
        uris.clear();

        assertThat(client.redirectUris()).containsExactly(URIS.get(1), URIS.get(0));
        assertThatThrownBy(() -> client.redirectUris().add(URIS.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorWhenMoreThan20RedirectUrisThenInvalidRequest() {
        List<RedirectUri> twenty = IntStream.range(0, 20)
                .mapToObj(i -> RedirectUri.parse("https://a.example.com/cb" + i)).toList();
        List<RedirectUri> twentyOne = new ArrayList<>(twenty);
        twentyOne.add(RedirectUri.parse("https://a.example.com/cb20"));

        assertThat(client("App", ClientType.PUBLIC, Optional.empty(), twenty, SCOPES).redirectUris()).hasSize(20);
        assertRejected(() -> client("App", ClientType.PUBLIC, Optional.empty(), twentyOne, SCOPES),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNoScopeThenInvalidScope() {
        assertRejected(() -> client("App", ClientType.PUBLIC, Optional.empty(), URIS, ScopeSet.EMPTY),
                ErrorCode.INVALID_SCOPE);
    }

    @Test
    void resolveScopesThenAgainstTheAllowedScopes() {
        Client client = confidential();

        assertThat(client.resolveScopes(Optional.empty())).isEqualTo(SCOPES);
        assertThat(client.resolveScopes(Optional.of("*"))).isEqualTo(SCOPES);
        assertThat(client.resolveScopes(Optional.of("triggers"))).isEqualTo(ScopeSet.parse("triggers"));
        assertRejected(() -> client.resolveScopes(Optional.of("actions")), ErrorCode.INVALID_SCOPE);
        assertRejected(() -> client.resolveScopes(Optional.of("* connect")), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void resolveScopesWhenAlwaysAvailableRequestedThenGrantedBesideTheRegisteredOnes() {
        Client client = confidential();

        assertThat(client.resolveScopes(Optional.of("openid email connect"), OpenIdScopes.ALWAYS_AVAILABLE))
                .isEqualTo(ScopeSet.parse("connect email openid"));
        assertThat(client.resolveScopes(Optional.of("*"), OpenIdScopes.ALWAYS_AVAILABLE)).isEqualTo(SCOPES);
        assertThat(client.resolveScopes(Optional.empty(), OpenIdScopes.ALWAYS_AVAILABLE)).isEqualTo(SCOPES);
        assertRejected(() -> client.resolveScopes(Optional.of("openid tests"), OpenIdScopes.ALWAYS_AVAILABLE), ErrorCode.INVALID_SCOPE);
        assertRejected(() -> client.resolveScopes(Optional.of("openid")), ErrorCode.INVALID_SCOPE);
    }

    @Test
    void constructorThenStripsTheName() {
        assertThat(client("  Zapier Connector ", ClientType.PUBLIC, Optional.empty(), URIS, SCOPES).name())
                .isEqualTo("Zapier Connector");
        assertThat(client("Café ☕ 東京", ClientType.PUBLIC, Optional.empty(), URIS, SCOPES).name())
                .isEqualTo("Café ☕ 東京");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "App\nName", "App\u0000", "\t"})
    void constructorWhenNameBlankOrWithControlCharactersThenInvalidRequest(String name) {
        assertRejected(() -> client(name, ClientType.PUBLIC, Optional.empty(), URIS, SCOPES), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNameLongerThan200ThenInvalidRequest() {
        assertThat(client("n".repeat(200), ClientType.PUBLIC, Optional.empty(), URIS, SCOPES).name()).hasSize(200);
        assertRejected(() -> client("n".repeat(201), ClientType.PUBLIC, Optional.empty(), URIS, SCOPES),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void withSecretHashWhenConfidentialThenOnlyTheSecretChanges() {
        SecretHash rotated = new SecretHash("e".repeat(64));

        Client client = confidential().withSecretHash(rotated);

        assertThat(client.secretHash()).contains(rotated);
        assertThat(client).usingRecursiveComparison().ignoringFields("secretHash").isEqualTo(confidential());
    }

    @Test
    void constructorWhenNoFormatGivenThenJwtAccessTokens() {
        assertThat(confidential().accessTokenFormat()).isEqualTo(AccessTokenFormat.JWT);
    }

    @Test
    void withSecretOrRegistrationTokenThenTheAccessTokenFormatIsKept() {
        Client reference = reference(confidential());

        assertThat(reference.withSecretHash(new SecretHash("e".repeat(64))).accessTokenFormat())
                .isEqualTo(AccessTokenFormat.REFERENCE);
        assertThat(reference.withRegistrationTokenHash(new SecretHash("f".repeat(64))).accessTokenFormat())
                .isEqualTo(AccessTokenFormat.REFERENCE);
    }

    @Test
    void constructorWhenFormatNullThenNullPointerException() {
        Client c = confidential();
        assertThatNullPointerException().isThrownBy(() -> new Client(c.id(), c.name(), c.type(), c.secretHash(),
                c.redirectUris(), c.allowedScopes(), c.createdAt(), c.openId(), false, c.auth(), c.sealedSecret(), null))
                .withMessage("accessTokenFormat");
    }

    private static Client reference(Client c) {
        return new Client(c.id(), c.name(), c.type(), c.secretHash(), c.redirectUris(), c.allowedScopes(), c.createdAt(),
                c.openId(), c.requirePushedAuthorizationRequests(), c.auth(), c.sealedSecret(), AccessTokenFormat.REFERENCE);
    }

    @Test
    void withSecretHashWhenPublicThenInvalidRequest() {
        assertRejected(() -> publicClient().withSecretHash(new SecretHash("e".repeat(64))), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> client(null, ClientType.PUBLIC, Optional.empty(), URIS, SCOPES))
                .withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> client("App", ClientType.PUBLIC, null, URIS, SCOPES))
                .withMessage("secretHash");
    }

    @Test
    void clientTypeParseThenCaseInsensitiveAndStrict() {
        assertThat(ClientType.parse("Confidential")).isEqualTo(ClientType.CONFIDENTIAL);
        assertThat(ClientType.parse("public")).isEqualTo(ClientType.PUBLIC);
        assertThat(ClientType.PUBLIC.wireName()).isEqualTo("public");
        assertRejected(() -> ClientType.parse("private"), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> ClientType.parse(null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void pairwiseSectorWhenOneRedirectHostThenThatHost() {
        Client client = client("App", ClientType.CONFIDENTIAL, SECRET, List.of(RedirectUri.parse("https://A.example.com/cb"),
                RedirectUri.parse("https://a.example.com/other")), SCOPES);

        assertThat(client.pairwiseSector()).isEqualTo("a.example.com");
    }

    @Test
    void pairwiseSectorWhenSeveralHostsOrNoneThenTheClientId() {
        assertThat(confidential().pairwiseSector()).isEqualTo("client-1");
        assertThat(client("App", ClientType.CONFIDENTIAL, SECRET, List.of(), SCOPES).pairwiseSector())
                .isEqualTo("client-1");
    }
}
