package dev.connect.oauth.application.service;

import static dev.connect.oauth.application.service.Scenario.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.testdata.TestApplication;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.SubjectType;
import dev.connect.oauth.testkit.testdata.TestClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenID Connect Core §8.1: a pairwise client sees one {@code sub} per account everywhere, and its own. */
class PairwiseSubjectsTest {
    private static final ClientOpenIdSettings PAIRWISE = new ClientOpenIdSettings(List.of(), SubjectType.PAIRWISE,
            Optional.empty());

    private final Scenario scenario = new Scenario();
    private final TestApplication app = scenario.app;
    private final Account account = scenario.customer();

    private Client pairwiseClient(String... redirectUris) {
        return scenario.add(TestClients.confidential().redirectUris(redirectUris).openId(PAIRWISE).build());
    }

    private TokenResponse tokens(Client client) {
        String code = scenario.approve(Scenario.request(client, "openid"), account);
        return app.exchangeCode.exchange(Scenario.exchange(client, code));
    }

    private String idTokenSubject(TokenResponse tokens) {
        return app.idTokenSigner.claimsOf(tokens.idToken().orElseThrow()).orElseThrow().subject();
    }

    @Test
    void whenPairwiseThenIdTokenUserInfoIntrospectionAndRefreshAgreeAndHideTheAccountId() {
        Client client = pairwiseClient(TestClients.REDIRECT_URI);
        TokenResponse tokens = tokens(client);
        String sub = idTokenSubject(tokens);

        assertThat(sub).isNotEqualTo(account.id().value())
                .isEqualTo(app.pairwise.subject("app.example.com", account.id()));
        assertThat(app.getUserInfo.userInfo(Optional.of(tokens.accessToken())).subject()).isEqualTo(sub);
        assertThat(app.introspectToken.introspect(new IntrospectTokenCommand(credentials(client),
                Optional.of(tokens.accessToken()), Optional.empty())).details().orElseThrow().subject()).contains(sub);
        assertThat(idTokenSubject(scenario.refresh(client, tokens.refreshToken().orElseThrow()))).isEqualTo(sub);
    }

    @Test
    void whenTwoPairwiseClientsShareTheRedirectHostThenSameSubAndOtherHostsDiffer() {
        String here = idTokenSubject(tokens(pairwiseClient(TestClients.REDIRECT_URI)));
        String sameHost = idTokenSubject(tokens(pairwiseClient(TestClients.REDIRECT_URI, "https://app.example.com/b")));
        Client severalHosts = pairwiseClient(TestClients.REDIRECT_URI, "https://other.example.com/cb");

        assertThat(sameHost).isEqualTo(here);
        assertThat(idTokenSubject(tokens(severalHosts))).isNotEqualTo(here)
                .isEqualTo(app.pairwise.subject(severalHosts.id().value(), account.id()));
    }

    @Test
    void whenPublicThenSubIsTheAccountId() {
        TokenResponse tokens = tokens(scenario.confidentialClient());

        assertThat(idTokenSubject(tokens)).isEqualTo(account.id().value());
        assertThat(app.getUserInfo.userInfo(Optional.of(tokens.accessToken())).subject()).isEqualTo(account.id().value());
    }
}
