package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.SignInCommand;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignedIn;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sign-in form of the browser pages (authorization and device verification). Attempts per
 * source are bounded in this node's memory first (a flood guard, before any work); failed attempts
 * are limited by the use case in the shared store, and a limited one is 429 with
 * {@code Retry-After}. A wrong password and an unknown or malformed email get the same answer.
 */
final class PageSignIn {
    private final SignInUseCase signIn;
    private final TokenBuckets perSource;
    private final RequestSources sources;

    PageSignIn(SignInUseCase signIn, TokenBuckets perSource, RequestSources sources) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.perSource = Objects.requireNonNull(perSource, "perSource");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** The attempt of the form's {@code email} and {@code password}; 429 when its source sent too many. */
    SignInCommand admit(RoutingContext ctx, Parameters form) {
        RequestSource source = sources.of(ctx);
        perSource.take(source.value()).ifPresent(wait -> {
            throw HttpProblem.tooManyRequests(wait);
        });
        return new SignInCommand(form.get("email"), form.get("password"), source);
    }

    /** Signs in (on a worker): {@code started} with the session, or {@code refused} whatever was wrong. */
    <T> T attempt(SignInCommand command, Function<SignedIn, T> started, Supplier<T> refused) {
        SignedIn session;
        try {
            session = signIn.signIn(command);
        } catch (TooManyAttemptsException limited) {
            throw HttpProblem.tooManyRequests(limited.retryAfter());
        } catch (OAuthException wrong) {
            return refused.get();
        }
        return started.apply(session);
    }
}
