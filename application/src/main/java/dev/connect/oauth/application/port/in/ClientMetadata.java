package dev.connect.oauth.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's registered metadata as received, whichever API sent it: the v1 client API or dynamic
 * registration (RFC 7591 §2), which both go through the same validation. An absent {@code type} is
 * derived from the authentication method ({@code none}: public; any other: confidential);
 * {@code requirePushedAuthorizationRequests} is RFC 9126 §6's, false when absent; {@code resources}
 * the RFC 8707 resource indicators its tokens may be for (the v1 API's member: RFC 7591 defines
 * none, so a dynamic registration has none); {@code accessTokenFormat} {@code jwt} or {@code reference}
 * ({@link dev.connect.oauth.domain.AccessTokenFormat}), {@code jwt} when absent.
 */
public record ClientMetadata(Optional<String> name, Optional<List<String>> redirectUris, Optional<List<String>> scopes,
                             Optional<String> type, Optional<List<String>> postLogoutRedirectUris,
                             Optional<String> subjectType, Optional<Long> defaultMaxAge,
                             Optional<Boolean> requirePushedAuthorizationRequests, ClientAuthMetadata auth,
                             Optional<List<String>> resources, Optional<String> accessTokenFormat) {
    public ClientMetadata {
        Objects.requireNonNull(name, "name");
        redirectUris = Objects.requireNonNull(redirectUris, "redirectUris")
                .map(values -> RegisterClientCommand.copyWithoutNulls(values, "redirect_uris"));
        scopes = Objects.requireNonNull(scopes, "scopes").map(values -> RegisterClientCommand.copyWithoutNulls(values, "scopes"));
        Objects.requireNonNull(type, "type");
        postLogoutRedirectUris = Objects.requireNonNull(postLogoutRedirectUris, "postLogoutRedirectUris")
                .map(values -> RegisterClientCommand.copyWithoutNulls(values, "post_logout_redirect_uris"));
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(defaultMaxAge, "defaultMaxAge");
        Objects.requireNonNull(requirePushedAuthorizationRequests, "requirePushedAuthorizationRequests");
        Objects.requireNonNull(auth, "auth");
        resources = Objects.requireNonNull(resources, "resources")
                .map(values -> RegisterClientCommand.copyWithoutNulls(values, "resources"));
        Objects.requireNonNull(accessTokenFormat, "accessTokenFormat");
    }

    /** Metadata without an access token format (JWT access tokens). */
    public ClientMetadata(Optional<String> name, Optional<List<String>> redirectUris, Optional<List<String>> scopes,
                          Optional<String> type, Optional<List<String>> postLogoutRedirectUris,
                          Optional<String> subjectType, Optional<Long> defaultMaxAge,
                          Optional<Boolean> requirePushedAuthorizationRequests, ClientAuthMetadata auth,
                          Optional<List<String>> resources) {
        this(name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                requirePushedAuthorizationRequests, auth, resources, Optional.empty());
    }

    /** Metadata without the PAR setting (RFC 9126 §6: absent is false) nor resources. */
    public ClientMetadata(Optional<String> name, Optional<List<String>> redirectUris, Optional<List<String>> scopes,
                          Optional<String> type, Optional<List<String>> postLogoutRedirectUris,
                          Optional<String> subjectType, Optional<Long> defaultMaxAge, ClientAuthMetadata auth) {
        this(name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge, Optional.empty(), auth,
                Optional.empty());
    }

    /** The same metadata with {@code scopes} when it names none. */
    public ClientMetadata withDefaultScopes(List<String> scopes) {
        return this.scopes.isPresent() ? this : new ClientMetadata(name, redirectUris, Optional.of(scopes), type,
                postLogoutRedirectUris, subjectType, defaultMaxAge, requirePushedAuthorizationRequests, auth, resources,
                accessTokenFormat);
    }
}
