package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Access and refresh tokens issued from a grant: a fresh id and token value, the grant's client,
 * account and scopes, issued at {@link MutableClock#START}, active (an access token lives one
 * hour, a refresh token thirty days).
 */
public final class TestTokens {
    private TestTokens() {
    }

    public static AccessTokenBuilder access(Grant grant) {
        return new AccessTokenBuilder(grant);
    }

    public static RefreshTokenBuilder refresh(Grant grant) {
        return new RefreshTokenBuilder(grant);
    }

    /** The key of {@code value}: its hash, led by {@code time} when given. */
    private static SecretHash key(String value, Optional<String> time) {
        SecretHash hash = TestIds.hashOf(value);
        return time.map(led -> SecretHash.timed(led, hash)).orElse(hash);
    }

    /** Builds an {@link AccessToken}; {@link #value()} is the token the client presents. */
    public static final class AccessTokenBuilder {
        private final Grant grant;
        private TokenId id = new TokenId(TestIds.identifier());
        private String value = TestIds.secret();
        private Optional<String> keyTime = Optional.empty();
        private ScopeSet scopes;
        private Optional<TokenId> refreshTokenId = Optional.empty();
        private Instant issuedAt = MutableClock.START;
        private Duration ttl = Duration.ofHours(1);
        private Optional<Instant> revokedAt = Optional.empty();
        private Optional<JwkThumbprint> boundKey = Optional.empty();
        private ResourceSet resources = ResourceSet.NONE;

        private AccessTokenBuilder(Grant grant) {
            this.grant = Objects.requireNonNull(grant, "grant");
            this.scopes = grant.scopes();
        }

        public AccessTokenBuilder id(TokenId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public AccessTokenBuilder value(String value) {
            this.value = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Kept by a key led by {@code time} (8 base64url characters), as the server keeps its tokens now. */
        public AccessTokenBuilder keyTime(String time) {
            this.keyTime = Optional.of(time);
            return this;
        }

        public String value() {
            return value;
        }

        public AccessTokenBuilder scopes(String scopes) {
            this.scopes = ScopeSet.parse(scopes);
            return this;
        }

        /** The refresh token issued together with this access token. */
        public AccessTokenBuilder with(RefreshToken refreshToken) {
            this.refreshTokenId = Optional.of(refreshToken.id());
            return this;
        }

        public AccessTokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public AccessTokenBuilder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public AccessTokenBuilder revokedAt(Instant revokedAt) {
            this.revokedAt = Optional.of(revokedAt);
            return this;
        }

        /** DPoP-bound to {@code key} ({@code cnf.jkt}). */
        public AccessTokenBuilder boundTo(JwkThumbprint key) {
            this.boundKey = Optional.of(key);
            return this;
        }

        /** The resources it is for (RFC 8707): its {@code aud}. */
        public AccessTokenBuilder resources(String... resources) {
            this.resources = ResourceSet.parse(List.of(resources));
            return this;
        }

        public AccessToken build() {
            return new AccessToken(id, key(value, keyTime), grant.id(), grant.clientId(), grant.accountId(),
                    scopes, refreshTokenId, issuedAt, issuedAt.plus(ttl), revokedAt, boundKey, resources);
        }
    }

    /** Builds a {@link RefreshToken}; {@link #value()} is the token the client presents. */
    public static final class RefreshTokenBuilder {
        private final Grant grant;
        private TokenId id = new TokenId(TestIds.identifier());
        private String value = TestIds.secret();
        private Optional<String> keyTime = Optional.empty();
        private ScopeSet scopes;
        private Optional<TokenId> parentId = Optional.empty();
        private Instant issuedAt = MutableClock.START;
        private Duration ttl = Duration.ofDays(30);
        private Optional<JwkThumbprint> boundKey = Optional.empty();
        private Optional<Instant> retiredAt = Optional.empty();
        private Optional<Instant> revokedAt = Optional.empty();
        private ResourceSet resources = ResourceSet.NONE;

        private RefreshTokenBuilder(Grant grant) {
            this.grant = Objects.requireNonNull(grant, "grant");
            this.scopes = grant.scopes();
        }

        public RefreshTokenBuilder id(TokenId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public RefreshTokenBuilder value(String value) {
            this.value = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Kept by a key led by {@code time} (8 base64url characters), as the server keeps its tokens now. */
        public RefreshTokenBuilder keyTime(String time) {
            this.keyTime = Optional.of(time);
            return this;
        }

        public String value() {
            return value;
        }

        public RefreshTokenBuilder scopes(String scopes) {
            this.scopes = ScopeSet.parse(scopes);
            return this;
        }

        public RefreshTokenBuilder parent(RefreshToken parent) {
            this.parentId = Optional.of(parent.id());
            return this;
        }

        public RefreshTokenBuilder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public RefreshTokenBuilder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public RefreshTokenBuilder retiredAt(Instant retiredAt) {
            this.retiredAt = Optional.of(retiredAt);
            return this;
        }

        public RefreshTokenBuilder revokedAt(Instant revokedAt) {
            this.revokedAt = Optional.of(revokedAt);
            return this;
        }

        /** DPoP-bound to {@code key} (a public client's refresh token, RFC 9449 §5). */
        public RefreshTokenBuilder boundTo(JwkThumbprint key) {
            this.boundKey = Optional.of(key);
            return this;
        }

        /** The resources bound to it (RFC 8707). */
        public RefreshTokenBuilder resources(String... resources) {
            this.resources = ResourceSet.parse(List.of(resources));
            return this;
        }

        public RefreshToken build() {
            return new RefreshToken(id, key(value, keyTime), grant.id(), grant.clientId(), grant.accountId(),
                    scopes, parentId, issuedAt, issuedAt.plus(ttl), retiredAt, revokedAt, boundKey, resources);
        }
    }
}
