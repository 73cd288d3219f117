package dev.connect.oauth.domain;

/**
 * The scopes OpenID Connect defines. They are about the account, not a resource of the operator,
 * so every client may request them whatever it was registered with (the consent page names them):
 * {@code openid} makes the request an OpenID Connect one (an ID token is issued), {@code profile},
 * {@code email} and {@code phone} release those claims at the UserInfo endpoint.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect Core 1.0 §5.4</a>
 */
public final class OpenIdScopes {
    public static final Scope OPENID = new Scope("openid");
    public static final Scope PROFILE = new Scope("profile");
    public static final Scope EMAIL = new Scope("email");
    public static final Scope PHONE = new Scope("phone");
    /** Requestable by every client, outside the operator's scope catalogue. */
    public static final ScopeSet ALWAYS_AVAILABLE = ScopeSet.of(OPENID, PROFILE, EMAIL, PHONE);

    private OpenIdScopes() {
    }

    /** Whether {@code scopes} make an OpenID Connect request (Core §3.1.2.1: {@code openid} present). */
    public static boolean isOpenId(ScopeSet scopes) {
        return scopes.contains(OPENID);
    }
}
