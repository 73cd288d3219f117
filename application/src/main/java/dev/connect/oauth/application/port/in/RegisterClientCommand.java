package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin registers a client; fields as received (a list never holds a null element). They stay
 * text because the caller's right to register is checked before any field (403 before 400).
 * {@code postLogoutRedirectUris}, {@code subjectType} and {@code defaultMaxAge} (seconds) are its
 * OpenID Connect settings; {@code requirePushedAuthorizationRequests} whether it must push its
 * authorization requests (RFC 9126 §6), false when absent; {@code auth} how it authenticates and
 * which grants it uses; {@code resources} the RFC 8707 resource indicators it may ask tokens for;
 * {@code accessTokenFormat} its access tokens' format, {@code jwt} when absent.
 */
public record RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                    Optional<List<String>> scopes, Optional<String> type,
                                    Optional<List<String>> postLogoutRedirectUris, Optional<String> subjectType,
                                    Optional<Long> defaultMaxAge, Optional<Boolean> requirePushedAuthorizationRequests,
                                    ClientAuthMetadata auth, Optional<List<String>> resources,
                                    Optional<String> accessTokenFormat) {
    public RegisterClientCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(name, "name");
        redirectUris = Objects.requireNonNull(redirectUris, "redirectUris").map(values -> copyWithoutNulls(values, "redirect_uris"));
        scopes = Objects.requireNonNull(scopes, "scopes").map(values -> copyWithoutNulls(values, "scopes"));
        Objects.requireNonNull(type, "type");
        postLogoutRedirectUris = Objects.requireNonNull(postLogoutRedirectUris, "postLogoutRedirectUris")
                .map(values -> copyWithoutNulls(values, "post_logout_redirect_uris"));
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(defaultMaxAge, "defaultMaxAge");
        Objects.requireNonNull(requirePushedAuthorizationRequests, "requirePushedAuthorizationRequests");
        Objects.requireNonNull(auth, "auth");
        resources = Objects.requireNonNull(resources, "resources").map(values -> copyWithoutNulls(values, "resources"));
        Objects.requireNonNull(accessTokenFormat, "accessTokenFormat");
    }

    /** A client with JWT access tokens. */
    public RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                 Optional<List<String>> scopes, Optional<String> type,
                                 Optional<List<String>> postLogoutRedirectUris, Optional<String> subjectType,
                                 Optional<Long> defaultMaxAge, Optional<Boolean> requirePushedAuthorizationRequests,
                                 ClientAuthMetadata auth, Optional<List<String>> resources) {
        this(caller, name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                requirePushedAuthorizationRequests, auth, resources, Optional.empty());
    }

    /** A client with the default authentication settings of its type, without resources. */
    public RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                 Optional<List<String>> scopes, Optional<String> type,
                                 Optional<List<String>> postLogoutRedirectUris, Optional<String> subjectType,
                                 Optional<Long> defaultMaxAge, Optional<Boolean> requirePushedAuthorizationRequests) {
        this(caller, name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                requirePushedAuthorizationRequests, ClientAuthMetadata.DEFAULTS, Optional.empty());
    }

    /** A client without resources that need not push its authorization requests. */
    public RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                 Optional<List<String>> scopes, Optional<String> type,
                                 Optional<List<String>> postLogoutRedirectUris, Optional<String> subjectType,
                                 Optional<Long> defaultMaxAge, ClientAuthMetadata auth) {
        this(caller, name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                Optional.empty(), auth, Optional.empty());
    }

    /** A client that need not push its authorization requests, with the default authentication settings. */
    public RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                 Optional<List<String>> scopes, Optional<String> type,
                                 Optional<List<String>> postLogoutRedirectUris, Optional<String> subjectType,
                                 Optional<Long> defaultMaxAge) {
        this(caller, name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                ClientAuthMetadata.DEFAULTS);
    }

    /** What the command registers, without the caller. */
    public ClientMetadata metadata() {
        return new ClientMetadata(name, redirectUris, scopes, type, postLogoutRedirectUris, subjectType, defaultMaxAge,
                requirePushedAuthorizationRequests, auth, resources, accessTokenFormat);
    }

    /** A client without OpenID Connect settings (the defaults apply). */
    public RegisterClientCommand(Principal caller, Optional<String> name, Optional<List<String>> redirectUris,
                                 Optional<List<String>> scopes, Optional<String> type) {
        this(caller, name, redirectUris, scopes, type, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static List<String> copyWithoutNulls(List<String> values, String name) {
        if (values.stream().anyMatch(Objects::isNull)) {
            throw ErrorCode.INVALID_REQUEST.exception(name + " must hold strings only.");
        }
        return List.copyOf(values);
    }
}
