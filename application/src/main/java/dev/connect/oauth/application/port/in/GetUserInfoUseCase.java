package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * The UserInfo endpoint: the claims about the account behind an access token granted {@code openid},
 * presented as its binding requires (a DPoP-bound token with a proof of its key, RFC 9449 §7).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core 1.0 §5.3</a>
 */
public interface GetUserInfoUseCase {
    /**
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when it is missing, unknown,
     *         expired, revoked, names no account or comes with the wrong scheme; {@code insufficient_scope}
     *         without {@code openid}; {@code invalid_dpop_proof} or {@code use_dpop_nonce} when the DPoP proof fails
     */
    UserInfo userInfo(PresentedAccessToken token);

    /** {@link #userInfo(PresentedAccessToken)} of a token sent as {@code Authorization: Bearer}. */
    default UserInfo userInfo(Optional<String> bearerToken) {
        return userInfo(PresentedAccessToken.bearer(bearerToken));
    }
}
