package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.DpopRequest;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeCommand;
import dev.connect.oauth.application.port.in.RefreshTokenCommand;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2, §4.1.3, §4.4, §6; RFC 8628 §3.4 for the device code) and {@code POST /oauth/refresh}
 * (seed 003: the refresh grant, {@code grant_type} optional). Bodies are form-encoded or JSON.
 * The answer carries both the RFC members and the seed's ({@code type}, {@code expires_at}) as
 * API.md §3 shows them.
 *
 * <p>Two limits, neither of which lets others exhaust a client's allowance: failed client
 * authentications per claimed client id and source ({@link ClientAuthenticationLimit}), so
 * failures from one source never block the client elsewhere; and successful requests per client
 * in this node's {@link TokenBuckets}, charged only once a request has succeeded, which only the
 * client itself can do.
 *
 * <p>A {@code DPoP} header goes to the use case with every grant: the tokens are then bound to its
 * key and of type {@code DPoP} (RFC 9449 §5).
 */
final class TokenEndpoint {
    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final TokenBuckets perClient;
    private final ClientAuthenticationLimit failures;
    private final HttpMetrics metrics;
    private final DpopExchange dpop;

    TokenEndpoint(HttpUseCases useCases, UseCaseExecutor executor, TokenBuckets perClient,
                  ClientAuthenticationLimit failures, HttpMetrics metrics, DpopExchange dpop) {
        this.dpop = Objects.requireNonNull(dpop, "dpop");
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.perClient = Objects.requireNonNull(perClient, "perClient");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void token(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        String grantType = params.get("grant_type")
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("grant_type is required."));
        issue(ctx, params, GrantType.parse(grantType).orElseThrow(ErrorCode.UNSUPPORTED_GRANT_TYPE::exception));
    }

    void refresh(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        Optional<String> grantType = params.get("grant_type");
        if (grantType.isPresent() && GrantType.parse(grantType.get()).filter(GrantType.REFRESH_TOKEN::equals).isEmpty()) {
            throw ErrorCode.UNSUPPORTED_GRANT_TYPE.exception("The refresh endpoint serves grant_type=refresh_token only.");
        }
        issue(ctx, params, GrantType.REFRESH_TOKEN);
    }

    private void issue(RoutingContext ctx, Parameters params, GrantType grantType) {
        ClientCredentials client = ClientAuthentication.credentials(ctx, params);
        Optional<DpopRequest> proof = dpop.request(ctx);
        Callable<TokenResponse> grant = switch (grantType) {
            case AUTHORIZATION_CODE -> () -> useCases.exchangeCode().exchange(new ExchangeCodeCommand(
                    client, params.get("code"), params.get("redirect_uri"), params.get("code_verifier"), proof));
            case REFRESH_TOKEN -> () -> useCases.refreshToken().refresh(new RefreshTokenCommand(
                    client, params.get("refresh_token"), params.get("scope"), proof));
            case CLIENT_CREDENTIALS -> () -> useCases.issueClientCredentialsToken().issue(
                    new ClientCredentialsCommand(client, params.get("scope"), proof));
            case DEVICE_CODE -> () -> useCases.exchangeDeviceCode().exchange(
                    new ExchangeDeviceCodeCommand(client, params.get("device_code"), proof));
        };
        Callable<TokenResponse> guarded = failures.guard(ctx, client, grant);
        perClient.waitFor(client.clientId()).ifPresent(wait -> {
            throw HttpProblem.tooManyRequests(wait);
        });
        executor.call(ctx, guarded, tokens -> {
            perClient.take(client.clientId());
            metrics.recordTokenIssued(grantType.wireName());
            Replies.json(ctx, 200, json(tokens));
        });
    }

    /** RFC 6749 §5.1 plus the seed's {@code type} and {@code expires_at}; {@code DPoP} tokens per RFC 9449 §5. */
    static JsonObject json(TokenResponse tokens) {
        JsonObject body = new JsonObject()
                .put("access_token", tokens.accessToken())
                .put("token_type", tokens.tokenType())
                .put("type", tokens.tokenType().toLowerCase(Locale.ROOT))
                .put("expires_in", tokens.expiresIn())
                .put("expires_at", tokens.expiresAt().getEpochSecond());
        tokens.refreshToken().ifPresent(token -> body.put("refresh_token", token));
        tokens.refreshExpiresIn().ifPresent(seconds -> body.put("refresh_expires_in", seconds));
        tokens.idToken().ifPresent(token -> body.put("id_token", token));
        return body.put("scope", tokens.scope().toString());
    }
}
