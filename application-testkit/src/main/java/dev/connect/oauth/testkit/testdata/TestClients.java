package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registered clients: a confidential one holding {@link #SECRET} and a public one, both with a
 * fresh id, {@link #REDIRECT_URI} and the scopes {@code connect triggers}.
 */
public final class TestClients {
    public static final String REDIRECT_URI = "https://app.example.com/callback";
    /** The secret of every confidential test client (its hash is what the client stores). */
    public static final String SECRET = "test-client-secret-0123456789abcdefghijklmno";
    public static final ScopeSet SCOPES = ScopeSet.parse("connect triggers");

    private TestClients() {
    }

    public static Builder confidential() {
        return new Builder(ClientType.CONFIDENTIAL, Optional.of(TestIds.hashOf(SECRET)));
    }

    public static Builder publicClient() {
        return new Builder(ClientType.PUBLIC, Optional.empty());
    }

    /** Builds a {@link Client}; every field starts valid. */
    public static final class Builder {
        private ClientId id = new ClientId(TestIds.identifier());
        private String name = "Test App";
        private ClientType type;
        private Optional<SecretHash> secretHash;
        private Optional<SealedSecret> sealedSecret = Optional.empty();
        private List<RedirectUri> redirectUris = List.of(new RedirectUri(REDIRECT_URI));
        private ScopeSet allowedScopes = SCOPES;
        private Instant createdAt = MutableClock.START;
        private ClientOpenIdSettings openId = ClientOpenIdSettings.DEFAULTS;
        private Optional<ClientAuthSettings> auth = Optional.empty();
        private boolean requirePushedAuthorizationRequests;
        private AccessTokenFormat accessTokenFormat = AccessTokenFormat.DEFAULT;

        private Builder(ClientType type, Optional<SecretHash> secretHash) {
            this.type = type;
            this.secretHash = secretHash;
        }

        public Builder id(ClientId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The hash of {@code secret} becomes the client's secret hash. */
        public Builder secret(String secret) {
            this.secretHash = Optional.of(TestIds.hashOf(secret));
            return this;
        }

        /** The secret hash as given: empty for a client that authenticates without a secret. */
        public Builder secretHash(Optional<SecretHash> secretHash) {
            this.secretHash = Objects.requireNonNull(secretHash, "secretHash");
            return this;
        }

        public Builder redirectUris(String... uris) {
            this.redirectUris = List.of(uris).stream().map(RedirectUri::new).toList();
            return this;
        }

        public Builder scopes(String scopes) {
            this.allowedScopes = ScopeSet.parse(scopes);
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder openId(ClientOpenIdSettings openId) {
            this.openId = Objects.requireNonNull(openId, "openId");
            return this;
        }

        /** Authentication settings; without them, the defaults of the type. */
        public Builder auth(ClientAuthSettings auth) {
            this.auth = Optional.of(auth);
            return this;
        }

        /** A confidential {@code private_key_jwt} client with this inline {@code jwks} and no secret. */
        public Builder privateKeyJwt(String jwks) {
            this.type = ClientType.CONFIDENTIAL;
            this.secretHash = Optional.empty();
            return auth(new ClientAuthSettings(ClientAuthMethod.PRIVATE_KEY_JWT,
                    ClientAuthSettings.defaultGrantTypes(ClientAuthMethod.PRIVATE_KEY_JWT, !redirectUris.isEmpty()),
                    ClientAuthSettings.defaultResponseTypes(
                            ClientAuthSettings.defaultGrantTypes(ClientAuthMethod.PRIVATE_KEY_JWT, !redirectUris.isEmpty())),
                    Optional.of(jwks), Optional.empty(), Optional.empty(), Optional.empty()));
        }

        /**
         * A confidential {@code client_secret_jwt} client whose secret is kept as {@code sealed} (no hash),
         * with {@code signingAlg} when given.
         */
        public Builder clientSecretJwt(SealedSecret sealed, Optional<String> signingAlg) {
            this.type = ClientType.CONFIDENTIAL;
            this.secretHash = Optional.empty();
            this.sealedSecret = Optional.of(sealed);
            return auth(new ClientAuthSettings(ClientAuthMethod.CLIENT_SECRET_JWT,
                    ClientAuthSettings.defaultGrantTypes(ClientAuthMethod.CLIENT_SECRET_JWT, !redirectUris.isEmpty()),
                    ClientAuthSettings.defaultResponseTypes(
                            ClientAuthSettings.defaultGrantTypes(ClientAuthMethod.CLIENT_SECRET_JWT, !redirectUris.isEmpty())),
                    Optional.empty(), Optional.empty(), signingAlg, Optional.empty()));
        }

        /** The client must push its authorization requests (RFC 9126 §6). */
        public Builder requirePushedAuthorizationRequests(boolean required) {
            this.requirePushedAuthorizationRequests = required;
            return this;
        }

        /** The format of the client's access tokens; JWT when not set. */
        public Builder accessTokenFormat(AccessTokenFormat format) {
            this.accessTokenFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        public Client build() {
            return new Client(id, name, type, secretHash, redirectUris, allowedScopes, createdAt, openId,
                    requirePushedAuthorizationRequests,
                    auth.orElseGet(() -> ClientAuthSettings.defaultsFor(type, !redirectUris.isEmpty())), sealedSecret,
                    accessTokenFormat);
        }
    }
}
