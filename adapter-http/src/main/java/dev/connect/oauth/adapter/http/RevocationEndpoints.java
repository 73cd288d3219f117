package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.Introspection;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.in.IntrospectTokenCommand;
import dev.connect.oauth.application.port.in.RevokeTokenCommand;
import dev.connect.oauth.domain.TokenTypeHint;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The client-authenticated token endpoints: revocation (RFC 7009: 200 even for an unknown token)
 * and introspection (RFC 7662: {@code {"active": false}} for anything not currently valid).
 * Failed client authentications count toward the {@link ClientAuthenticationLimit}.
 */
final class RevocationEndpoints {
    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final ClientAuthenticationLimit failures;
    private final String issuer;

    RevocationEndpoints(HttpUseCases useCases, UseCaseExecutor executor, ClientAuthenticationLimit failures,
                        String issuer) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    void revoke(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        ClientCredentials client = ClientAuthentication.credentials(ctx, params);
        RevokeTokenCommand command = new RevokeTokenCommand(client, params.get("token"), tokenTypeHint(params));
        executor.call(ctx, failures.guard(ctx, client, () -> {
            useCases.revokeToken().revoke(command);
            return true;
        }), done -> ctx.response().setStatusCode(200).end());
    }

    void introspect(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        ClientCredentials client = ClientAuthentication.credentials(ctx, params);
        IntrospectTokenCommand command = new IntrospectTokenCommand(client, params.get("token"), tokenTypeHint(params));
        executor.call(ctx, failures.guard(ctx, client, () -> useCases.introspectToken().introspect(command)),
                introspection -> Replies.json(ctx, 200, json(introspection)));
    }

    /** An unknown hint is left out: the server searches every type anyway (RFC 7009 §2.1). */
    private static Optional<TokenTypeHint> tokenTypeHint(Parameters params) {
        return params.get("token_type_hint").flatMap(TokenTypeHint::parse);
    }

    /** RFC 7662 §2.2. */
    private JsonObject json(Introspection introspection) {
        JsonObject body = new JsonObject().put("active", introspection.active());
        introspection.details().ifPresent(details -> {
            body.put("scope", details.scope().toString())
                    .put("client_id", details.clientId().value())
                    .put("token_type", tokenType(details))
                    .put("exp", details.expiresAt().getEpochSecond())
                    .put("iat", details.issuedAt().getEpochSecond())
                    .put("iss", issuer)
                    .put("jti", details.id().value());
            details.subject().ifPresent(subject -> body.put("sub", subject.value()));
            // RFC 9449 §6.2: the key a DPoP-bound token is bound to.
            details.boundKey().ifPresent(key -> body.put("cnf", new JsonObject().put("jkt", key.value())));
            details.username().ifPresent(username -> body.put("username", username));
        });
        return body;
    }

    /** The token type hint's name, but {@code DPoP} for a DPoP-bound access token (RFC 9449 §6.2). */
    private static String tokenType(Introspection.Details details) {
        return details.tokenType() == TokenTypeHint.ACCESS_TOKEN && details.boundKey().isPresent()
                ? TokenResponse.DPOP_TOKEN_TYPE : details.tokenType().wireName();
    }
}
