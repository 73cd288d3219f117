package dev.connect.oauth.application.port.in;

import java.util.Optional;

/**
 * The UserInfo endpoint: the claims about the account behind an access token granted {@code openid}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OpenID Connect Core 1.0 §5.3</a>
 */
public interface GetUserInfoUseCase {
    /**
     * @param bearerToken the access token, empty when absent
     * @throws dev.connect.oauth.domain.OAuthException {@code invalid_token} when it is missing, unknown,
     *         expired, revoked or names no account; {@code insufficient_scope} without {@code openid}
     */
    UserInfo userInfo(Optional<String> bearerToken);
}
