package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAuthSettingsTest {
    private static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"k1\"}]}";

    @Test
    void defaultsForWhenConfidentialWithRedirectUrisThenSecretBasicAndEveryGrant() {
        ClientAuthSettings settings = ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, true);

        assertThat(settings.method()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(settings.grantTypes()).containsExactlyInAnyOrder(GrantType.values());
        assertThat(settings.responseTypes()).containsExactly(ResponseType.CODE);
    }

    @Test
    void defaultsForWhenConfidentialWithoutRedirectUrisThenClientCredentialsOnly() {
        ClientAuthSettings settings = ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, false);

        assertThat(settings.grantTypes()).containsExactlyInAnyOrder(GrantType.CLIENT_CREDENTIALS, GrantType.DEVICE_CODE);
        assertThat(settings.responseTypes()).isEmpty();
    }

    @Test
    void defaultsForWhenPublicThenNoneAndTheCodeGrants() {
        ClientAuthSettings settings = ClientAuthSettings.defaultsFor(ClientType.PUBLIC, true);

        assertThat(settings.method()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(settings.grantTypes()).containsExactlyInAnyOrder(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.DEVICE_CODE);
        assertThat(settings.permits(GrantType.CLIENT_CREDENTIALS)).isFalse();
    }

    @Test
    void newWhenJwksAndJwksUriThenInvalidClientMetadata() {
        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(JWKS), Optional.of("https://k.example.com/j"),
                Optional.empty()));
    }

    @Test
    void newWhenPrivateKeyJwtWithoutKeysThenInvalidClientMetadata() {
        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void newWhenJwksUriNotHttpsOrWithFragmentThenInvalidClientMetadata() {
        for (String uri : new String[] {"http://k.example.com/j", "https://k.example.com/j#x", "keys.json", "ftp://k.example.com/j",
                "https://user@k.example.com/j", ""}) {
            assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), Optional.of(uri), Optional.empty()));
        }
    }

    @Test
    void newWhenJwksUriOnLoopbackOverHttpThenAccepted() {
        assertThat(settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.empty(), Optional.of("http://127.0.0.1:8080/jwks"),
                Optional.empty()).jwksUri()).contains("http://127.0.0.1:8080/jwks");
    }

    @Test
    void newWhenJwksTooLargeThenInvalidClientMetadata() {
        String large = "{\"keys\":[],\"x\":\"" + "a".repeat(ClientAuthSettings.MAX_JWKS_LENGTH) + "\"}";

        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(large), Optional.empty(), Optional.empty()));
    }

    @Test
    void newWhenSigningAlgWithSecretMethodOrUnsupportedThenInvalidClientMetadata() {
        assertInvalid(() -> settings(ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Optional.empty(), Optional.of("ES256")));
        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(JWKS), Optional.empty(), Optional.of("HS256")));
        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(JWKS), Optional.empty(), Optional.of("none")));
    }

    @Test
    void newWhenNoGrantTypeThenInvalidClientMetadata() {
        assertInvalid(() -> new ClientAuthSettings(ClientAuthMethod.NONE, Set.of(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void requireConsistentWhenCodeGrantWithoutCodeResponseTypeOrTheReverseThenInvalidClientMetadata() {
        assertInvalid(() -> grants(ClientAuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.AUTHORIZATION_CODE), Set.of())
                .requireConsistent(true));
        assertInvalid(() -> grants(ClientAuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of(ResponseType.CODE))
                .requireConsistent(true));
    }

    @Test
    void requireConsistentWhenCodeGrantWithoutRedirectUriThenInvalidClientMetadata() {
        assertInvalid(() -> grants(ClientAuthMethod.CLIENT_SECRET_BASIC, Set.of(GrantType.AUTHORIZATION_CODE),
                Set.of(ResponseType.CODE)).requireConsistent(false));
    }

    @Test
    void requireConsistentWhenPublicClientAsksForClientCredentialsThenInvalidClientMetadata() {
        assertInvalid(() -> grants(ClientAuthMethod.NONE, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of()).requireConsistent(false));
    }

    @Test
    void requireConsistentWhenClientSecretJwtThenAccepted() {
        grants(ClientAuthMethod.CLIENT_SECRET_JWT, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of()).requireConsistent(false);
    }

    @Test
    void requireConsistentWhenDefaultsThenAccepted() {
        ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, true).requireConsistent(true);
        ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, false).requireConsistent(false);
        ClientAuthSettings.defaultsFor(ClientType.PUBLIC, true).requireConsistent(true);
    }

    @Test
    void methodParseWhenRegisteredNameThenMethodElseEmpty() {
        assertThat(ClientAuthMethod.parse("private_key_jwt")).contains(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(ClientAuthMethod.parse("PRIVATE_KEY_JWT")).isEmpty();
        assertThat(ClientAuthMethod.parse("tls_client_auth")).isEmpty();
        assertThat(ClientAuthMethod.CLIENT_SECRET_POST.usesSecretHash()).isTrue();
        assertThat(ClientAuthMethod.PRIVATE_KEY_JWT.usesAssertion()).isTrue();
        assertThat(ClientAuthMethod.CLIENT_SECRET_JWT.usesAssertion()).isTrue();
        assertThat(ClientAuthMethod.CLIENT_SECRET_JWT.usesSecretHash()).isFalse();
    }

    @Test
    void signingAlgWhenHmacThenOnlyForClientSecretJwtAndTheOtherWayRound() {
        ClientAuthSettings hmac = settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.of("HS512"));
        hmac.requireConsistent(false);
        assertThat(ClientAuthSettings.signingAlgorithms(ClientAuthMethod.CLIENT_SECRET_JWT)).containsExactly("HS256", "HS384", "HS512");
        assertThat(ClientAuthSettings.signingAlgorithms(ClientAuthMethod.CLIENT_SECRET_BASIC)).isEmpty();
        assertInvalid(() -> settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.of("RS256")));
        assertInvalid(() -> settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(JWKS), Optional.empty(), Optional.of("HS256")));
        assertInvalid(() -> settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.of("none")));
    }

    @Test
    void requireSecretFitsWhenShorterThanTheHmacNeedsThenRefused() {
        ClientAuthSettings hs256 = settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.empty());
        ClientAuthSettings hs512 = settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.of("HS512"));

        hs256.requireSecretFits("s".repeat(32));
        assertInvalid(() -> hs256.requireSecretFits("s".repeat(31)));
        hs512.requireSecretFits("s".repeat(64));
        assertInvalid(() -> hs512.requireSecretFits("s".repeat(63)));
        ClientAuthSettings.defaultsFor(ClientType.CONFIDENTIAL, false).requireSecretFits("short");
    }

    @Test
    void clientWhenSealedSecretDisagreesWithMethodThenRefused() {
        ClientAuthSettings hmac = settings(ClientAuthMethod.CLIENT_SECRET_JWT, Optional.empty(), Optional.empty(), Optional.empty());
        ClientId id = new ClientId("c1");
        ScopeSet scopes = ScopeSet.parse("connect");
        SealedSecret sealed = new SealedSecret("A256GCM.k.n.c");

        assertThatThrownBy(() -> new Client(id, "A", ClientType.CONFIDENTIAL, Optional.empty(), java.util.List.of(), scopes,
                java.time.Instant.EPOCH, ClientOpenIdSettings.DEFAULTS, false, hmac)).isInstanceOf(IllegalArgumentException.class);
        Client client = new Client(id, "A", ClientType.CONFIDENTIAL, Optional.empty(), java.util.List.of(), scopes,
                java.time.Instant.EPOCH, ClientOpenIdSettings.DEFAULTS, false, hmac, Optional.of(sealed));
        assertThat(client.withSealedSecret(new SealedSecret("other")).sealedSecret()).contains(new SealedSecret("other"));
        assertThat(client.withRegistrationTokenHash(new SecretHash("a".repeat(64))).sealedSecret()).contains(sealed);
        assertThat(sealed.toString()).doesNotContain("A256GCM");
        assertThatThrownBy(() -> ClientOf.basic().withSealedSecret(sealed)).isInstanceOf(OAuthException.class);
    }

    @Test
    void clientWhenMethodDisagreesWithTypeOrSecretThenRefused() {
        ClientAuthSettings keys = settings(ClientAuthMethod.PRIVATE_KEY_JWT, Optional.of(JWKS), Optional.empty(), Optional.empty());
        ClientId id = new ClientId("c1");
        ScopeSet scopes = ScopeSet.parse("connect");
        java.time.Instant at = java.time.Instant.EPOCH;

        assertThatThrownBy(() -> new Client(id, "A", ClientType.PUBLIC, Optional.empty(), java.util.List.of(), scopes, at,
                ClientOpenIdSettings.DEFAULTS, keys)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Client(id, "A", ClientType.CONFIDENTIAL, Optional.of(new SecretHash("a".repeat(64))),
                java.util.List.of(), scopes, at, ClientOpenIdSettings.DEFAULTS, keys)).isInstanceOf(IllegalArgumentException.class);
        Client keyClient = new Client(id, "A", ClientType.CONFIDENTIAL, Optional.empty(), java.util.List.of(), scopes, at,
                ClientOpenIdSettings.DEFAULTS, keys);
        assertThatThrownBy(() -> keyClient.withSecretHash(new SecretHash("a".repeat(64)))).isInstanceOf(OAuthException.class);
    }

    private static final class ClientOf {
        static Client basic() {
            return new Client(new ClientId("c2"), "B", ClientType.CONFIDENTIAL, Optional.of(new SecretHash("a".repeat(64))),
                    java.util.List.of(), ScopeSet.parse("connect"), java.time.Instant.EPOCH);
        }
    }

    private static ClientAuthSettings settings(ClientAuthMethod method, Optional<String> jwks, Optional<String> jwksUri,
                                               Optional<String> alg) {
        return new ClientAuthSettings(method, Set.of(GrantType.CLIENT_CREDENTIALS), Set.of(), jwks, jwksUri, alg, Optional.empty());
    }

    private static ClientAuthSettings grants(ClientAuthMethod method, Set<GrantType> grants, Set<ResponseType> responses) {
        return new ClientAuthSettings(method, grants, responses, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CLIENT_METADATA));
    }
}
