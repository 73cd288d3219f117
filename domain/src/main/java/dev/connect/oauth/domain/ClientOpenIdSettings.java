package dev.connect.oauth.domain;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's OpenID Connect registration: where RP-initiated logout may send the browser back
 * ({@code post_logout_redirect_uris}, held to the rules of redirect URIs), its {@code subject_type},
 * the {@code default_max_age} that applies when an authorization request has no {@code max_age},
 * and the {@code resources} (RFC 8707) its access tokens may be meant for.
 *
 * @see <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID Connect Dynamic Client Registration 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ClientMetadata">OpenID Connect RP-Initiated Logout 1.0 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public record ClientOpenIdSettings(List<RedirectUri> postLogoutRedirectUris, SubjectType subjectType,
                                   Optional<Duration> defaultMaxAge, ResourceSet resources) {
    /** The largest {@code default_max_age}: the nine digits a request's {@code max_age} may have. */
    public static final Duration MAX_DEFAULT_MAX_AGE = Duration.ofSeconds(999_999_999);
    /** No logout redirects, public subjects, no default {@code max_age}, no resources. */
    public static final ClientOpenIdSettings DEFAULTS =
            new ClientOpenIdSettings(List.of(), SubjectType.PUBLIC, Optional.empty(), ResourceSet.NONE);

    public ClientOpenIdSettings {
        postLogoutRedirectUris = List.copyOf(new LinkedHashSet<>(
                Objects.requireNonNull(postLogoutRedirectUris, "postLogoutRedirectUris")));
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(defaultMaxAge, "defaultMaxAge");
        Objects.requireNonNull(resources, "resources");
        if (resources.resources().size() > ResourceSet.MAX_RESOURCES) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + ResourceSet.MAX_RESOURCES + " resources.");
        }
        requireAtMostMaxUris(postLogoutRedirectUris.size());
        if (defaultMaxAge.filter(age -> age.isNegative() || age.compareTo(MAX_DEFAULT_MAX_AGE) > 0).isPresent()) {
            throw ErrorCode.INVALID_REQUEST.exception("default_max_age must be 0 to "
                    + MAX_DEFAULT_MAX_AGE.toSeconds() + " seconds.");
        }
    }

    /** Settings without resources. */
    public ClientOpenIdSettings(List<RedirectUri> postLogoutRedirectUris, SubjectType subjectType,
                                Optional<Duration> defaultMaxAge) {
        this(postLogoutRedirectUris, subjectType, defaultMaxAge, ResourceSet.NONE);
    }

    /**
     * The settings as registered: each URI parsed as a redirect URI, {@code subject_type}
     * {@code public} when absent, {@code default_max_age} in seconds.
     */
    public static ClientOpenIdSettings parse(Optional<List<String>> postLogoutRedirectUris,
                                             Optional<String> subjectType, Optional<Long> defaultMaxAgeSeconds) {
        return parse(postLogoutRedirectUris, subjectType, defaultMaxAgeSeconds, Optional.empty());
    }

    /** {@link #parse(Optional, Optional, Optional)} with the registered {@code resources} (RFC 8707). */
    public static ClientOpenIdSettings parse(Optional<List<String>> postLogoutRedirectUris,
                                             Optional<String> subjectType, Optional<Long> defaultMaxAgeSeconds,
                                             Optional<List<String>> resources) {
        List<String> uris = postLogoutRedirectUris.orElse(List.of());
        requireAtMostMaxUris(uris.size()); // before parsing any
        return new ClientOpenIdSettings(uris.stream().map(RedirectUri::parse).toList(),
                subjectType.map(SubjectType::parse).orElse(SubjectType.PUBLIC),
                defaultMaxAgeSeconds.map(Duration::ofSeconds), ResourceSet.register(resources));
    }

    private static void requireAtMostMaxUris(int count) {
        if (count > Client.MAX_REDIRECT_URIS) {
            throw ErrorCode.INVALID_REQUEST.exception("At most " + Client.MAX_REDIRECT_URIS
                    + " post_logout_redirect_uris.");
        }
    }

    /**
     * The registered post-logout URI equal to {@code candidate}, character for character: unlike an
     * authorization redirect, no loopback port is free, since a logout redirect is never a native
     * app's one-off listener.
     */
    public Optional<RedirectUri> registeredPostLogoutRedirectUri(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return postLogoutRedirectUris.stream().filter(uri -> uri.matches(candidate)).findFirst();
    }
}
