package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code timedTokenKeys} off, as during a rolling upgrade from a release that finds tokens by their
 * hash alone: every new code and token is stored by its bare hash, where such a node looks, and
 * this release still finds, rotates and checks them.
 */
class UntimedTokenKeysTest {
    private final OAuthPolicy defaults = OAuthPolicy.defaults(TestApplication.ISSUER);
    private final Scenario scenario = new Scenario(new OAuthPolicy(defaults.issuer(), defaults.audience(),
            defaults.scopeCatalogue(), defaults.accessTokenTtl(), defaults.refreshTokenTtl(), defaults.codeTtl(),
            defaults.sessionTtl(), defaults.allowPlainPkce(), defaults.retryGrace(), defaults.refreshTokenMaxLifetime(),
            defaults.deviceCodeTtl(), defaults.deviceInterval(), false));
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();

    @Test
    void exchangeWhenUntimedThenEveryTokenKeptByItsBareHashAndStillFound() {
        Client client = scenario.confidentialClient();

        TokenResponse tokens = scenario.tokens(client, account);

        String refreshToken = tokens.refreshToken().orElseThrow();
        assertThat(refreshToken).hasSize(43);
        assertThat(app.ports.tokens().findRefreshToken(app.secretHasher.hash(refreshToken))).isPresent();
        assertThat(app.ports.tokens().findAccessToken(app.secretHasher.hash(tokens.accessToken()))).isPresent();
        assertThat(app.describeToken.describe(Optional.of(tokens.accessToken())).account().id()).isEqualTo(account.id());
        assertThat(app.introspectToken.introspect(new IntrospectTokenCommand(credentials(client),
                Optional.of(tokens.accessToken()), Optional.empty())).active()).isTrue();
        assertThat(scenario.refresh(client, refreshToken).refreshToken()).isPresent();
    }

    @Test
    void issueWhenUntimedReferenceTokenThenItsBareHash() {
        Client reference = scenario.add(TestClients.confidential().accessTokenFormat(AccessTokenFormat.REFERENCE).build());

        TokenResponse tokens = scenario.tokens(reference, account);

        assertThat(tokens.accessToken()).hasSize(43);
        assertThat(app.ports.tokens().findAccessToken(app.secretHasher.hash(tokens.accessToken()))).isPresent();
    }
}
