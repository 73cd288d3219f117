package dev.connect.oauth.application.port.out;

import java.util.Optional;

/**
 * Verifies an ID token this server issued, as an {@code id_token_hint} is: its signature by one
 * of the published keys. Expiry is not checked: a hint names who signed in, and RP-initiated
 * logout accepts an expired one. Thread-safe; reads only.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">OpenID Connect RP-Initiated Logout 1.0 §2</a>
 */
public interface IdTokenVerifier {
    /** The claims of {@code idToken} when a published key signed it; empty when it is malformed or not ours. */
    Optional<VerifiedIdToken> verify(String idToken);
}
