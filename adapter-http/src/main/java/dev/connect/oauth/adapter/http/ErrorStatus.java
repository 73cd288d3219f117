package dev.connect.oauth.adapter.http;

import dev.connect.oauth.domain.ErrorCode;

/**
 * The one table from {@link ErrorCode} to HTTP status (API.md §1). The domain names errors; how
 * they travel over HTTP is decided here only. The switch has no default, so a new code does not
 * compile until it has a status.
 */
final class ErrorStatus {
    /** A failed DPoP proof at a protected resource (RFC 9449 §7.1, §9): 401 with a DPoP challenge. */
    static final int RESOURCE_DPOP_PROOF_STATUS = 401;

    private ErrorStatus() {
    }

    /** Whether {@code code} is a failed DPoP proof, whose status depends on where it was sent. */
    static boolean isDpopProofError(ErrorCode code) {
        return code == ErrorCode.INVALID_DPOP_PROOF || code == ErrorCode.USE_DPOP_NONCE;
    }

    static int of(ErrorCode code) {
        return switch (code) {
            // RFC 6749 §5.2: 400 unless client authentication failed.
            case INVALID_REQUEST, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE,
                 UNSUPPORTED_RESPONSE_TYPE, INVALID_SCOPE, BAD_REQUEST -> 400;
            // OpenID Connect Core §3.1.2.6: redirected; as JSON (API form) they are 400 like invalid_request.
            case LOGIN_REQUIRED, CONSENT_REQUIRED, INVALID_TARGET -> 400;
            // RFC 7591 §3.2.2.
            case INVALID_CLIENT_METADATA, INVALID_REDIRECT_URI -> 400;
            // RFC 9449 §5, §8: at the token endpoint; a protected resource answers 401 (see ErrorMapper).
            case INVALID_DPOP_PROOF, USE_DPOP_NONCE -> 400;
            // RFC 8628 §3.5: the polling answers of the token endpoint, 400 as RFC 6749 §5.2 says.
            case AUTHORIZATION_PENDING, SLOW_DOWN, EXPIRED_TOKEN -> 400;
            case INVALID_CLIENT, UNAUTHORIZED -> 401;
            // RFC 6750 §3.1.
            case INVALID_TOKEN -> 401;
            case INSUFFICIENT_SCOPE -> 403;
            case ACCESS_DENIED, FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case VERSION_GONE -> 410;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case SERVER_ERROR -> 500;
            case NOT_SUPPORTED -> 501;
            case TEMPORARILY_UNAVAILABLE -> 503;
            case HTTP_VERSION_NOT_SUPPORTED -> 505;
            // Connect codes (seeds 000/001), with the statuses API.md §1 gives them.
            case API_KEY_REQUIRED, INVALID_API_KEY, MALFORMED_API_KEY -> 401;
            case EMAIL_REQUIRED, EMAIL_INVALID -> 400;
            case EMAIL_EXISTS, PHONE_EXISTS -> 409;
        };
    }

    /**
     * The {@code WWW-Authenticate} challenge a code carries on its own (RFC 6750 §3), or
     * {@code null}. The Basic challenge of {@code invalid_client} depends on the request and is
     * added by the error mapper.
     */
    static String bearerChallenge(ErrorCode code) {
        return switch (code) {
            case INVALID_TOKEN -> "Bearer error=\"invalid_token\"";
            case INSUFFICIENT_SCOPE -> "Bearer error=\"insufficient_scope\"";
            default -> null;
        };
    }
}
