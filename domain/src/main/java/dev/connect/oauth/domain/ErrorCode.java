package dev.connect.oauth.domain;

/**
 * Every error the server reports: its snake_case {@code error} name, the numeric {@code code} of
 * the seed error table and a default description. How each code travels (HTTP status, headers) is
 * the HTTP adapter's business, not the domain's.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public enum ErrorCode {
    // OAuth 2.0 errors (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1); their code is the seed's HTTP row.
    INVALID_REQUEST("invalid_request", 400, "The request is missing a parameter, repeats one or is otherwise malformed."),
    INVALID_CLIENT("invalid_client", 401, "Client authentication failed."),
    INVALID_GRANT("invalid_grant", 400, "The authorization grant or refresh token is invalid, expired, revoked or was issued to another client."),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400, "The client is not allowed to use this grant type."),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400, "The grant type is not supported."),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400, "The response type is not supported."),
    INVALID_SCOPE("invalid_scope", 400, "The requested scope is invalid, unknown or not allowed for this client."),
    ACCESS_DENIED("access_denied", 403, "The resource owner denied the request."),
    INVALID_TOKEN("invalid_token", 401, "The access token is missing, expired, revoked or invalid."),
    INSUFFICIENT_SCOPE("insufficient_scope", 403, "Missing Scope."),
    // RFC 9449 §7.1, §8, §12.2: a DPoP proof that fails its checks, or lacks the server's current nonce.
    INVALID_DPOP_PROOF("invalid_dpop_proof", 400, "The DPoP proof is missing, malformed or fails its checks."),
    USE_DPOP_NONCE("use_dpop_nonce", 400, "The DPoP proof must carry the server's current nonce (DPoP-Nonce)."),
    // OpenID Connect Core 1.0 §3.1.2.6: prompt=none could not be honoured without a page.
    LOGIN_REQUIRED("login_required", 400, "The account must sign in, which prompt=none does not allow."),
    CONSENT_REQUIRED("consent_required", 400, "The account must consent, which prompt=none does not allow."),
    // RFC 8707 §2: a resource indicator that is malformed or not allowed for the client.
    INVALID_TARGET("invalid_target", 400, "The requested resource is invalid, unknown or not allowed for this client."),
    // RFC 7591 §3.2.2: client registration errors.
    INVALID_CLIENT_METADATA("invalid_client_metadata", 400, "A client metadata value is invalid, unknown or not supported."),
    INVALID_REDIRECT_URI("invalid_redirect_uri", 400, "A redirect URI is invalid."),
    // Device Authorization Grant (RFC 8628 §3.5): answers to a device polling the token endpoint.
    AUTHORIZATION_PENDING("authorization_pending", 400, "The user has not yet approved or denied the request; poll again after the interval."),
    SLOW_DOWN("slow_down", 400, "Polling too fast: the interval grew by 5 seconds; poll less often."),
    EXPIRED_TOKEN("expired_token", 400, "The device code has expired; start a new device authorization."),

    // Plain HTTP failures (seed error table).
    BAD_REQUEST("bad_request", 400, "Bad Request -- Your request is invalid."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized -- Your API key is wrong."),
    FORBIDDEN("forbidden", 403, "Forbidden -- The method requested is hidden for administrators only."),
    NOT_FOUND("not_found", 404, "Not Found -- The specified method could not be found."),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "Method Not Allowed -- You tried to access a method with an invalid method."),
    NOT_ACCEPTABLE("not_acceptable", 406, "Not Acceptable -- You requested a format that is not json."),
    CONFLICT("conflict", 409, "Conflict -- The resource already exists."),
    VERSION_GONE("version_gone", 410, "Gone -- Request has been removed from our servers."),
    PAYLOAD_TOO_LARGE("payload_too_large", 413, "Payload Too Large -- The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, "Unsupported Media Type -- Send application/json or application/x-www-form-urlencoded."),
    TOO_MANY_REQUESTS("too_many_requests", 429, "Too Many Requests -- Slow down."),
    SERVER_ERROR("server_error", 500, "Internal Server Error -- We had a problem with our server. Try again later."),
    NOT_SUPPORTED("not_supported", 501, "Not Supported -- The server does not support this request."),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503, "Service Unavailable -- We are temporarily offline for maintenance. Please try again later."),
    HTTP_VERSION_NOT_SUPPORTED("http_version_not_supported", 505, "HTTP Version Not Supported -- Use HTTP/1.1."),

    // Connect codes (seeds 000/001).
    API_KEY_REQUIRED("api_key_required", 2032, "API Key is required"),
    EMAIL_REQUIRED("email_required", 2034, "Email is required"),
    INVALID_API_KEY("invalid_api_key", 2036, "Invalid API Key"),
    MALFORMED_API_KEY("malformed_api_key", 2038, "Provide valid API Key"),
    EMAIL_EXISTS("email_exists", 2039, "Email already exists"),
    PHONE_EXISTS("phone_exists", 2040, "Phone already exists"),
    EMAIL_INVALID("email_invalid", 2041, "Email Invalid");

    private final String error;
    private final int code;
    private final String description;

    ErrorCode(String error, int code, String description) {
        this.error = error;
        this.code = code;
        this.description = description;
    }

    /** The snake_case {@code error} member of the error body. */
    public String error() {
        return error;
    }

    /** The numeric {@code code} member of the error body: an HTTP status number or a Connect code. */
    public int code() {
        return code;
    }

    /** The default {@code error_description}. */
    public String description() {
        return description;
    }

    /** An exception carrying this code and its default description. */
    public OAuthException exception() {
        return new OAuthException(this, description);
    }

    /** An exception carrying this code and a specific description. */
    public OAuthException exception(String description) {
        return new OAuthException(this, description);
    }
}
