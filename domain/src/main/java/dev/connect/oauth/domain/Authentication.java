package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The end-user authentication an authorization came from, as an ID token reports it: when the
 * account signed in ({@code auth_time}) and the {@code nonce} of the request, which binds the ID
 * token to the client's session (replay protection).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes">OpenID Connect Core 1.0 §15.5.2</a>
 */
public record Authentication(Instant time, Optional<String> nonce) {
    /** The nonce travels in URLs and is stored: a bound keeps both sane. */
    public static final int MAX_NONCE_LENGTH = 512;

    public Authentication {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(nonce, "nonce");
        nonce.ifPresent(Authentication::checkNonce);
    }

    /** Rejects a nonce that is empty or too long ({@code invalid_request}). */
    public static void checkNonce(String nonce) {
        Objects.requireNonNull(nonce, "nonce");
        if (nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH) {
            throw ErrorCode.INVALID_REQUEST.exception("nonce must be 1 to " + MAX_NONCE_LENGTH + " characters.");
        }
    }
}
