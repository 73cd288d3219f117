package dev.connect.oauth.testkit.testdata;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.PkceMethod;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorization codes issued from a grant with an account: a fresh code value, the grant's
 * client, account and scopes, {@link TestClients#REDIRECT_URI}, and the S256 challenge of
 * {@link #VERIFIER}.
 */
public final class TestCodes {
    /** The code verifier of RFC 7636 Appendix B. */
    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** {@code BASE64URL(SHA256(VERIFIER))}, also from RFC 7636 Appendix B. */
    public static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private TestCodes() {
    }

    /** @throws IllegalArgumentException when the grant has no account (codes are for people) */
    public static Builder from(Grant grant) {
        return new Builder(grant);
    }

    /** Builds an {@link AuthorizationCode}; {@link #value()} is the code the client presents. */
    public static final class Builder {
        private final Grant grant;
        private String value = TestIds.secret();
        private RedirectUri redirectUri = new RedirectUri(TestClients.REDIRECT_URI);
        private ScopeSet scopes;
        private Optional<PkceChallenge> challenge = Optional.of(new PkceChallenge(CHALLENGE, PkceMethod.S256));
        private Instant issuedAt = MutableClock.START;
        private Duration ttl = AuthorizationCode.DEFAULT_TTL;
        private Optional<JwkThumbprint> boundKey = Optional.empty();

        private Builder(Grant grant) {
            this.grant = Objects.requireNonNull(grant, "grant");
            if (grant.accountId().isEmpty()) {
                throw new IllegalArgumentException("An authorization code is issued for an account");
            }
            this.scopes = grant.scopes();
        }

        public Builder value(String value) {
            this.value = Objects.requireNonNull(value, "value");
            return this;
        }

        public String value() {
            return value;
        }

        public Builder redirectUri(String redirectUri) {
            this.redirectUri = new RedirectUri(redirectUri);
            return this;
        }

        public Builder scopes(String scopes) {
            this.scopes = ScopeSet.parse(scopes);
            return this;
        }

        public Builder challenge(PkceChallenge challenge) {
            this.challenge = Optional.of(challenge);
            return this;
        }

        public Builder withoutChallenge() {
            this.challenge = Optional.empty();
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        /** Bound to a DPoP key ({@code dpop_jkt}, RFC 9449 §10). */
        public Builder boundTo(JwkThumbprint key) {
            this.boundKey = Optional.of(key);
            return this;
        }

        public AuthorizationCode build() {
            return AuthorizationCode.issue(TestIds.hashOf(value), grant.id(), grant.clientId(),
                    grant.accountId().orElseThrow(), redirectUri, scopes, challenge, issuedAt, ttl, boundKey);
        }
    }
}
