package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.PushedAuthorizationRequestsRecord;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.PushedAuthorizationRequest;
import dev.connect.oauth.domain.SecretHash;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@link PushedAuthorizationRequest} to and from a row of {@code pushed_authorization_requests}. The
 * parameters are one form-encoded text ({@code application/x-www-form-urlencoded}): any name or
 * value survives it, and their order with them.
 */
final class PushedRequestMapper {
    private PushedRequestMapper() {
    }

    static PushedAuthorizationRequestsRecord toRecord(PushedAuthorizationRequest request) {
        StringJoiner form = new StringJoiner("&");
        request.parameters().forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
        return new PushedAuthorizationRequestsRecord(request.hash().hex(), request.clientId().value(), form.toString(),
                EpochNanos.of(request.expiresAt()));
    }

    static PushedAuthorizationRequest toRequest(PushedAuthorizationRequestsRecord row) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!row.getParameters().isEmpty()) {
            for (String pair : row.getParameters().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return new PushedAuthorizationRequest(new SecretHash(row.getHash()), ClientId.parse(row.getClientId()),
                parameters, EpochNanos.toInstant(row.getExpiresAt()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
