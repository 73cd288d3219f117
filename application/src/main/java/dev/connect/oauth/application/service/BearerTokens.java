package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.PresentedAccessToken;
import dev.connect.oauth.application.port.out.DescribedAccessToken;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.Scope;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the access token behind {@code Authorization: Bearer} or {@code Authorization: DPoP}: one
 * lookup of its hash proves it was issued here and tells whether it is still active, so no
 * signature check is needed. The binding is checked on every use, from the store or from a cache:
 * a DPoP-bound token only with the DPoP scheme and a proof of its key, a bearer token only as a
 * bearer token (RFC 9449 §7.1, §7.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9449#section-7">RFC 9449 §7</a>
 */
final class BearerTokens {
    private BearerTokens() {
    }

    /**
     * The account an active token found with it names, once the token carries {@code required}:
     * {@code invalid_token} when it names none (client credentials) or the account is gone,
     * {@code insufficient_scope} without {@code required}.
     */
    static Account requireAccount(DescribedAccessToken found, Scope required) {
        AccessToken token = found.token();
        if (token.accountId().isEmpty()) {
            throw ErrorCode.INVALID_TOKEN.exception("The access token has no account.");
        }
        if (!token.scopes().contains(required)) {
            throw ErrorCode.INSUFFICIENT_SCOPE.exception();
        }
        return found.account().orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The account no longer exists."));
    }

    /**
     * What {@code lookup} finds for the hash of {@code bearerToken}, when its access token is
     * active; {@code invalid_token} when missing, unknown, expired or revoked.
     */
    static DescribedAccessToken requireActive(Optional<String> bearerToken, Instant now, SecretHasher hasher,
                                              Function<SecretHash, Optional<DescribedAccessToken>> lookup) {
        return TokenKeys.find(requireValue(bearerToken), hasher, lookup)
                .filter(found -> found.token().isActive(now))
                .orElseThrow(ErrorCode.INVALID_TOKEN::exception);
    }

    /**
     * The active token presented, once its proof (with the DPoP scheme) passed {@code proofs} and
     * the way it was presented suits its binding.
     *
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token}, {@code invalid_dpop_proof}
     *         or {@code use_dpop_nonce}
     */
    static DescribedAccessToken requireActive(PresentedAccessToken presented, Instant now, SecretHasher hasher,
                                              Function<SecretHash, Optional<DescribedAccessToken>> lookup,
                                              DpopProofs proofs) {
        Optional<JwkThumbprint> proofKey = Optional.empty();
        if (presented.isDpop()) {
            String value = requireValue(presented.token());
            if (presented.dpop().isEmpty()) {
                throw ErrorCode.INVALID_DPOP_PROOF.exception("Authorization: DPoP needs a DPoP proof header.");
            }
            proofKey = proofs.verify(presented.dpop(), Optional.of(value));
        }
        DescribedAccessToken found = requireActive(presented.token(), now, hasher, lookup);
        requireBinding(found.token(), presented.scheme(), proofKey);
        return found;
    }

    /**
     * Checks that {@code token} was presented as its binding requires.
     *
     * @param proofKey the key of the request's verified DPoP proof, with the DPoP scheme
     */
    static void requireBinding(AccessToken token, PresentedAccessToken.Scheme scheme, Optional<JwkThumbprint> proofKey) {
        if (scheme == PresentedAccessToken.Scheme.BEARER && token.isKeyBound()) {
            throw ErrorCode.INVALID_TOKEN.exception(
                    "The access token is DPoP-bound: send it as Authorization: DPoP with a DPoP proof.");
        }
        if (scheme == PresentedAccessToken.Scheme.DPOP && !token.isKeyBound()) {
            throw ErrorCode.INVALID_TOKEN.exception("The access token is not DPoP-bound: send it as Authorization: Bearer.");
        }
        if (token.isKeyBound() && !token.boundKey().equals(proofKey)) {
            throw ErrorCode.INVALID_DPOP_PROOF.exception("The DPoP proof's key is not the key the token is bound to.");
        }
    }

    private static String requireValue(Optional<String> token) {
        return token.filter(value -> !value.isBlank())
                .orElseThrow(() -> ErrorCode.INVALID_TOKEN.exception("The access token is missing."));
    }
}
