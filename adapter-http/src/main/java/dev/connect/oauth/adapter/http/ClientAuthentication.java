package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a client presented to authenticate (RFC 6749 §2.3.1): HTTP Basic, whose user and
 * password are form-encoded client id and secret, or {@code client_id} and {@code client_secret}
 * in the body; a public client sends only its id; a {@code private_key_jwt} client sends
 * {@code client_assertion_type} {@value #JWT_BEARER} and a {@code client_assertion} (RFC 7523 §2.2),
 * with or without {@code client_id} (without, the assertion's {@code sub} names the client, which
 * authentication then verifies). Using two methods at once is {@code invalid_request} ("MUST NOT use
 * more than one authentication method"). Whether the credentials are right is the use case's business.
 */
final class ClientAuthentication {
    private static final String BASIC = "basic ";
    /** RFC 7523 §2.2: the one {@code client_assertion_type} supported. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAuthentication() {
    }

    static ClientCredentials credentials(RoutingContext ctx, Parameters params) {
        List<String> headers = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        Optional<String> bodyId = params.get("client_id");
        Optional<String> bodySecret = params.get("client_secret");
        Optional<String> assertionType = params.get("client_assertion_type");
        Optional<String> assertion = params.get("client_assertion");
        if (assertionType.isPresent() || assertion.isPresent()) {
            if (!headers.isEmpty() || bodySecret.isPresent()) {
                throw ErrorCode.INVALID_REQUEST.exception(
                        "Use one client authentication method: a client assertion, HTTP Basic or client_secret, not two.");
            }
            return assertion(bodyId, assertionType, assertion);
        }
        if (headers.isEmpty()) {
            return new ClientCredentials(bodyId.orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                    "Client authentication failed: send HTTP Basic credentials or client_id.")), bodySecret);
        }
        // RFC 6749 §5.2: a client that tried the Authorization header gets a 401 with a challenge.
        ctx.put(ErrorMapper.BASIC_AUTH_USED, true);
        if (headers.size() > 1) {
            throw ErrorCode.INVALID_REQUEST.exception("The Authorization header must not be repeated.");
        }
        String header = headers.getFirst();
        if (!header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            throw ErrorCode.INVALID_CLIENT.exception("Client authentication failed: only HTTP Basic is supported.");
        }
        if (bodySecret.isPresent()) {
            throw ErrorCode.INVALID_REQUEST.exception(
                    "Use one client authentication method: HTTP Basic or client_secret in the body, not both.");
        }
        String[] user = basicUser(header.substring(BASIC.length()).strip());
        if (bodyId.filter(id -> !id.equals(user[0])).isPresent()) {
            throw ErrorCode.INVALID_REQUEST.exception("client_id in the body differs from the HTTP Basic user.");
        }
        return new ClientCredentials(user[0], user[1].isEmpty() ? Optional.empty() : Optional.of(user[1]));
    }

    private static ClientCredentials assertion(Optional<String> bodyId, Optional<String> type, Optional<String> assertion) {
        if (!type.filter(JWT_BEARER::equals).isPresent()) {
            throw ErrorCode.INVALID_CLIENT.exception("Client authentication failed: client_assertion_type must be "
                    + JWT_BEARER + ".");
        }
        String jwt = assertion.filter(value -> !value.isEmpty()).orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                "Client authentication failed: client_assertion is required with client_assertion_type."));
        String clientId = bodyId.or(() -> claimedSubject(jwt)).orElseThrow(() -> ErrorCode.INVALID_CLIENT.exception(
                "Client authentication failed: the client_assertion names no client (sub)."));
        return ClientCredentials.assertion(clientId, jwt);
    }

    /**
     * The {@code sub} a JWT claims, read without verifying anything: only to know which client to
     * look up and count failures against; authentication requires it to be the client's id.
     */
    static Optional<String> claimedSubject(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Object sub = new io.vertx.core.json.JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)).getValue("sub");
            return sub instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The client id and secret of a Basic header: base64 of UTF-8 {@code id:secret}, each form-encoded. */
    private static String[] basicUser(String encoded) {
        try {
            byte[] decoded = Base64.getDecoder().decode(encoded);
            String pair = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded)).toString();
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw malformed();
            }
            return new String[] {FormCodec.component(pair.substring(0, colon)), FormCodec.component(pair.substring(colon + 1))};
        } catch (IllegalArgumentException | CharacterCodingException | OAuthException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return ErrorCode.INVALID_CLIENT.exception("Client authentication failed: malformed HTTP Basic credentials.");
    }
}
