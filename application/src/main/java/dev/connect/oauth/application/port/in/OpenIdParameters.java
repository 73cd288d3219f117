package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The OpenID Connect parameters of an authorization request as received, each absent when not
 * sent (or sent empty); the use cases parse and check them.
 *
 * @param nonce  bound into the ID token
 * @param prompt space-separated {@code none}, {@code login}, {@code consent}, {@code select_account}
 * @param maxAge the largest age, in seconds, of a sign-in that will do
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 */
public record OpenIdParameters(Optional<String> nonce, Optional<String> prompt, Optional<String> maxAge) {
    /** A plain OAuth request. */
    public static final OpenIdParameters NONE = new OpenIdParameters(Optional.empty(), Optional.empty(), Optional.empty());

    public OpenIdParameters {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(maxAge, "maxAge");
    }
}
