package dev.connect.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page templates: everything a caller controls is escaped, in either language. */
class PagesTest {
    private static final String ATTACK = "\"><script>alert('x')</script>&";
    private final Pages pages = new Pages();

    @Test
    void textIsEscapedAndHtmlValuesAreNot() {
        assertThat(Html.escape(ATTACK)).isEqualTo("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
        assertThat(Html.hidden("state", ATTACK).markup())
                .isEqualTo("<input type=\"hidden\" name=\"state\" value=\"" + Html.escape(ATTACK) + "\">");
    }

    @Test
    void signInPageEscapesClientNameEmailAndHiddenValues() {
        String page = pages.signIn(Messages.forAcceptLanguage("en"), ATTACK, "/oauth/authorize/sign-in",
                Html.hidden("state", ATTACK), ATTACK, true);

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;").contains("id=\"sign-in-error\"");
    }

    @Test
    void consentPageNamesUnknownScopesByTheirName() {
        String page = pages.consent(Messages.forAcceptLanguage("de"), "App", ScopeSet.parse("connect custom<b>"),
                TestAccounts.customer().build(), "/oauth/authorize/consent", Html.EMPTY, "/oauth/logout", Html.EMPTY);

        assertThat(page).contains("<html lang=\"de\">").contains("Ihr Konto sehen").contains(">Abmelden</button>")
                .contains("Die Berechtigung \u201ecustom&lt;b&gt;\u201c verwenden").doesNotContain("custom<b>");
    }

    @Test
    void signedOutPageInTheCallersLanguage() {
        assertThat(pages.signedOut(Messages.forAcceptLanguage("de"))).contains("<html lang=\"de\">")
                .contains("Sie sind abgemeldet");
        assertThat(pages.signedOut(Messages.forAcceptLanguage("en"))).contains("You are signed out");
    }

    @Test
    void templateWhenValueMissingThenFailsLoudly() {
        Template template = Template.load("pages/error.html");

        assertThatThrownBy(() -> template.render(Map.of("heading", "h"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentSecurityPolicyAllowsOnlyTheLayoutsOwnStyle() {
        assertThat(pages.contentSecurityPolicy()).matches(
                "default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; frame-ancestors 'none'");
    }

    @Test
    void messagesPickTheHighestWeightedLanguageWeHave() {
        assertThat(Messages.forAcceptLanguage("fr, de;q=0.8, en;q=0.5").language()).isEqualTo("de");
        assertThat(Messages.forAcceptLanguage("en;q=0.9, de;q=0.1").language()).isEqualTo("en");
        assertThat(Messages.forAcceptLanguage("de;q=0, fr").language()).isEqualTo("en");
        assertThat(Messages.forAcceptLanguage(null).language()).isEqualTo("en");
    }

    @Test
    void messageArgumentsAreFilledInOnePass() {
        assertThat(Messages.forAcceptLanguage("en").text("consent.heading", "App {1} {0}")).isEqualTo("Authorize App {1} {0}");
    }
}
