package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.ScopeSet;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The server-rendered pages of the authorization flow (API.md §3) and of the device verification
 * page (RFC 8628 §3.3): sign-in, consent, user code entry and error,
 * in the caller's language. The one stylesheet is inline in the layout and allowed by its hash,
 * so the Content-Security-Policy needs neither {@code 'unsafe-inline'} nor a script source.
 */
final class Pages implements ErrorMapper.ErrorPage {
    private final Template layout = Template.load("pages/layout.html");
    private final Template signIn = Template.load("pages/sign-in.html");
    private final Template consent = Template.load("pages/consent.html");
    private final Template error = Template.load("pages/error.html");
    private final Template signedOut = Template.load("pages/signed-out.html");
    private final Template deviceCode = Template.load("pages/device-code.html");
    private final String contentSecurityPolicy;

    Pages() {
        this.contentSecurityPolicy = "default-src 'none'; style-src '" + styleHash(layout.text())
                + "'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** Sent with every answer: JSON needs no sources at all, and the pages only their style. */
    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** The sign-in form; {@code failed} shows that the last attempt was refused. */
    String signIn(Messages messages, String clientName, String action, Html hidden, String email, boolean failed) {
        return signInWith(messages, messages.text("signIn.intro", clientName), action, hidden, email, failed);
    }

    /** The sign-in form of the device verification page (RFC 8628 §3.3), before any code is known. */
    String deviceSignIn(Messages messages, String action, Html hidden, String email, boolean failed) {
        return signInWith(messages, messages.text("device.signIn.intro"), action, hidden, email, failed);
    }

    private String signInWith(Messages messages, String intro, String action, Html hidden, String email,
                              boolean failed) {
        Html alert = failed ? Html.element("p", "sign-in-error", "alert", messages.text("signIn.failed")) : Html.EMPTY;
        Html content = signIn.render(Map.of(
                "heading", messages.text("signIn.heading"),
                "intro", intro,
                "alert", alert,
                "action", action,
                "hidden", hidden,
                "emailLabel", messages.text("signIn.email"),
                "email", email,
                "passwordLabel", messages.text("signIn.password"),
                "submit", messages.text("signIn.submit")));
        return page(messages, messages.text("signIn.title"), content);
    }

    /**
     * The consent form naming the client and each requested scope in words, and a logout form
     * posting to {@code signOutAction} with its own CSRF field {@code signOutHidden}.
     */
    String consent(Messages messages, String clientName, ScopeSet scopes, Account account, String action, Html hidden,
                   String signOutAction, Html signOutHidden) {
        return consentWith(messages, clientName, messages.text("consent.intro", clientName), scopes, account, action,
                hidden, signOutAction, signOutHidden);
    }

    /**
     * The consent form of a device authorization request, which asks the person to check that the
     * device shows the same user code (RFC 8628 §5.4: a code arriving in a link may be a phishing one).
     */
    String deviceConsent(Messages messages, String clientName, String userCode, ScopeSet scopes, Account account,
                         String action, Html hidden, String signOutAction, Html signOutHidden) {
        return consentWith(messages, clientName, messages.text("device.consent.intro", clientName, userCode), scopes,
                account, action, hidden, signOutAction, signOutHidden);
    }

    private String consentWith(Messages messages, String clientName, String intro, ScopeSet scopes, Account account,
                               String action, Html hidden, String signOutAction, Html signOutHidden) {
        Html items = Html.EMPTY;
        for (Scope scope : scopes.scopes()) {
            String words = messages.optionalText("scope." + scope.value())
                    .orElseGet(() -> messages.text("scope.other", scope.value()));
            items = items.append(Html.element("li", "scope-" + scope.value(), null, words));
        }
        Html content = consent.render(Map.ofEntries(
                Map.entry("heading", messages.text("consent.heading", clientName)),
                Map.entry("intro", intro),
                Map.entry("scopes", items),
                Map.entry("signedInAs", messages.text("consent.signedInAs", account.email().value())),
                Map.entry("action", action),
                Map.entry("hidden", hidden),
                Map.entry("approve", messages.text("consent.approve")),
                Map.entry("deny", messages.text("consent.deny")),
                Map.entry("signOutAction", signOutAction),
                Map.entry("signOutHidden", signOutHidden),
                Map.entry("signOut", messages.text("signOut.submit"))));
        return page(messages, messages.text("consent.title", clientName), content);
    }

    /**
     * The form that asks for the user code shown on the device; {@code alertKey} names the message
     * of what went wrong with the last code entered, if anything did.
     */
    String deviceCode(Messages messages, String action, Html hidden, String code, Optional<String> alert) {
        Html content = deviceCode.render(Map.of(
                "heading", messages.text("device.heading"),
                "intro", messages.text("device.intro"),
                "alert", alert.map(text -> Html.element("p", "device-code-error", "alert", text)).orElse(Html.EMPTY),
                "action", action,
                "hidden", hidden,
                "codeLabel", messages.text("device.code"),
                "code", code,
                "submit", messages.text("device.submit")));
        return page(messages, messages.text("device.title"), content);
    }

    /** The page after a decision on a device authorization request: {@code approved} or denied. */
    String deviceDecided(Messages messages, String clientName, boolean approved) {
        String kind = approved ? "device.approved." : "device.denied.";
        Html content = signedOut.render(Map.of(
                "heading", messages.text(kind + "heading"),
                "text", messages.text(kind + "text", clientName)));
        return page(messages, messages.text(kind + "title"), content);
    }

    /** The page after logout. */
    String signedOut(Messages messages) {
        Html content = signedOut.render(Map.of(
                "heading", messages.text("signOut.heading"),
                "text", messages.text("signOut.text")));
        return page(messages, messages.text("signOut.title"), content);
    }

    @Override
    public void render(RoutingContext ctx, int status, OAuthException failure) {
        Messages messages = Messages.forAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Html content = error.render(Map.of(
                "heading", messages.text("error.heading"),
                "description", failure.description(),
                "code", messages.text("error.code", failure.errorCode().error())));
        Replies.html(ctx, status, page(messages, messages.text("error.title"), content));
    }

    private String page(Messages messages, String title, Html content) {
        return layout.render(Map.of("lang", messages.language(), "title", title, "content", content)).markup();
    }

    /** CSP Level 2 hash source of the layout's one {@code <style>} element. */
    private static String styleHash(String layoutText) {
        int start = layoutText.indexOf("<style>") + "<style>".length();
        int end = layoutText.indexOf("</style>");
        if (start < "<style>".length() || end < start) {
            throw new IllegalStateException("The page layout has no <style> element");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(layoutText.substring(start, end).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
