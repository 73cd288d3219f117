package dev.connect.oauth.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an authorization request asks of the end-user's authentication and consent: its
 * {@code prompt} values and {@code max_age}. It decides, for a session signed in at some time
 * (or none), whether the sign-in page must be shown, and whether the consent page must, given
 * whether the account already consented to this client for these scopes.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OpenID Connect Core 1.0 §3.1.2.6</a>
 */
public record AuthenticationRequirement(Set<Prompt> prompts, Optional<Duration> maxAge) {
    /** A plain OAuth request: a session of any age will do; consent when not given before. */
    public static final AuthenticationRequirement NONE = new AuthenticationRequirement(Set.of(), Optional.empty());

    public AuthenticationRequirement {
        prompts = Set.copyOf(Objects.requireNonNull(prompts, "prompts"));
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isPresent() && maxAge.get().isNegative()) {
            throw new IllegalArgumentException("max_age must not be negative");
        }
    }

    /**
     * Parses the request's {@code prompt} and {@code max_age} (a non-negative number of seconds);
     * anything malformed is {@code invalid_request}.
     */
    public static AuthenticationRequirement parse(Optional<String> prompt, Optional<String> maxAge) {
        Set<Prompt> prompts = prompt.map(Prompt::parse).orElse(Set.of());
        Optional<Duration> age = maxAge.map(AuthenticationRequirement::seconds);
        return new AuthenticationRequirement(prompts, age);
    }

    private static Duration seconds(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw ErrorCode.INVALID_REQUEST.exception("max_age must be a whole number of seconds.");
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /**
     * This requirement, with {@code defaultMaxAge} (the client's registered {@code default_max_age})
     * when the request named no {@code max_age}: an explicit one, even a longer one, wins.
     *
     * @see <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID Connect Registration 1.0 §2, default_max_age</a>
     */
    public AuthenticationRequirement orDefaultMaxAge(Optional<Duration> defaultMaxAge) {
        Objects.requireNonNull(defaultMaxAge, "defaultMaxAge");
        return maxAge.isPresent() || defaultMaxAge.isEmpty() ? this : new AuthenticationRequirement(prompts, defaultMaxAge);
    }

    /** Whether the server may show a page at all ({@code prompt=none} forbids it). */
    public boolean allowsPages() {
        return !prompts.contains(Prompt.NONE);
    }

    /**
     * Whether the end-user must sign in (again): no session, {@code prompt=login} or
     * {@code select_account}, or a sign-in more whole seconds ago than {@code max_age} (the unit
     * of {@code auth_time}: so {@code max_age=0} is satisfied by the sign-in the browser just
     * made, instead of sending it back to the sign-in page for the milliseconds its redirect took).
     *
     * @throws OAuthException {@code login_required} when a sign-in is needed but {@code prompt=none}
     */
    public boolean requiresSignIn(Optional<Instant> signedInAt, Instant now) {
        boolean required = signedInAt.isEmpty() || prompts.contains(Prompt.LOGIN)
                || prompts.contains(Prompt.SELECT_ACCOUNT)
                || maxAge.map(age -> Duration.between(signedInAt.get(), now).toSeconds() > age.toSeconds()).orElse(false);
        if (required && !allowsPages()) {
            throw ErrorCode.LOGIN_REQUIRED.exception();
        }
        return required;
    }

    /**
     * Whether the consent page must be shown: {@code prompt=consent}, or no consent given before.
     *
     * @throws OAuthException {@code consent_required} when it must but {@code prompt=none}
     */
    public boolean requiresConsent(boolean consentedBefore) {
        boolean required = prompts.contains(Prompt.CONSENT) || !consentedBefore;
        if (required && !allowsPages()) {
            throw ErrorCode.CONSENT_REQUIRED.exception();
        }
        return required;
    }

    /**
     * The {@code prompt} list once the end-user has just signed in: {@code login} and
     * {@code select_account} are satisfied, so sending the browser back with them would loop.
     */
    public Optional<String> promptAfterSignIn() {
        String rest = prompts.stream().filter(prompt -> prompt != Prompt.LOGIN && prompt != Prompt.SELECT_ACCOUNT)
                .map(Prompt::wireName).sorted().reduce((a, b) -> a + " " + b).orElse("");
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }
}
