package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic client registration (RFC 7591 §3) at {@code POST /oauth/register}, with an admin's API key
 * as the initial access token ({@code Authorization: Bearer}), and the client configuration endpoint
 * (RFC 7592 §2) at {@code /oauth/register/{client_id}}, with the registration access token. Bodies
 * are JSON under RFC 7591's names; a wrong or missing token is 401 {@code invalid_token}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-2">RFC 7592 §2</a>
 */
final class RegistrationEndpoints {
    static final String PATH = "/oauth/register";
    private static final Set<String> JSON_ONLY = Set.of(MediaTypes.JSON);
    /** RFC 7592 §2.2: an update names the client, and may repeat its secret. */
    private static final Set<String> UPDATE_MEMBERS = Set.of("client_id", "client_secret");

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final String issuer;

    RegistrationEndpoints(HttpUseCases useCases, UseCaseExecutor executor, String issuer) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    void register(RoutingContext ctx) {
        String token = requiredBearer(ctx);
        Buffer body = BodyReader.body(ctx);
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        executor.call(ctx, () -> {
            Principal caller = initialAccess(token);
            JsonObject json = parse(contentType, body);
            return useCases.registerClientDynamically().register(caller, ClientMetadataJson.registration(json, Set.of()));
        }, registered -> Replies.json(ctx, 201, answer(registered)));
    }

    void read(RoutingContext ctx) {
        String token = requiredBearer(ctx);
        String clientId = ctx.pathParam("client_id");
        executor.call(ctx, () -> useCases.manageClientRegistration().read(clientId, token),
                client -> Replies.json(ctx, 200, configuration(client)));
    }

    void update(RoutingContext ctx) {
        String token = requiredBearer(ctx);
        String clientId = ctx.pathParam("client_id");
        Buffer body = BodyReader.body(ctx);
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        executor.call(ctx, () -> {
            useCases.manageClientRegistration().read(clientId, token); // the token before the body
            JsonObject json = parse(contentType, body);
            if (!JsonBodies.string(json, "client_id").filter(clientId::equals).isPresent()) {
                throw ErrorCode.INVALID_CLIENT_METADATA.exception("client_id must be the id of the client updated (RFC 7592 §2.2).");
            }
            Optional<String> secret = JsonBodies.string(json, "client_secret");
            return useCases.manageClientRegistration().update(clientId, token,
                    ClientMetadataJson.registration(json, UPDATE_MEMBERS), secret);
        }, registered -> Replies.json(ctx, 200, answer(registered)));
    }

    void delete(RoutingContext ctx) {
        String token = requiredBearer(ctx);
        String clientId = ctx.pathParam("client_id");
        executor.call(ctx, () -> {
            useCases.manageClientRegistration().delete(clientId, token);
            return true;
        }, done -> Replies.noContent(ctx));
    }

    /**
     * The token of {@code Authorization: Bearer} (RFC 6750 §2.1): the initial and registration access
     * tokens are plain bearer tokens (RFC 7591 §3, RFC 7592 §3), never DPoP-bound.
     */
    private static String requiredBearer(RoutingContext ctx) {
        List<String> headers = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (headers.size() > 1) {
            throw ErrorCode.INVALID_REQUEST.exception("The Authorization header must not be repeated.");
        }
        String header = headers.isEmpty() ? "" : headers.getFirst().strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("bearer") || header.substring(space + 1).isBlank()) {
            throw ErrorCode.INVALID_TOKEN.exception("Send the token as Authorization: Bearer <token>.");
        }
        return header.substring(space + 1).strip();
    }

    /** The admin behind the API key sent as initial access token; any key failure is {@code invalid_token}. */
    private Principal initialAccess(String token) {
        try {
            return useCases.authenticateApiKey().authenticate(Optional.of(token));
        } catch (OAuthException refused) {
            throw ErrorCode.INVALID_TOKEN.exception("The initial access token is not valid: send an admin's API key.");
        }
    }

    private static JsonObject parse(String contentType, Buffer body) {
        MediaTypes.requireBodyType(contentType, body.length(), JSON_ONLY);
        return JsonBodies.object(body);
    }

    private JsonObject answer(RegisteredClient registered) {
        JsonObject body = configuration(registered.client());
        registered.secret().ifPresent(secret -> body.put("client_secret", secret));
        registered.registrationAccessToken().ifPresent(token -> body.put("registration_access_token", token));
        return body;
    }

    private JsonObject configuration(Client client) {
        return ClientMetadataJson.registration(client)
                .put("registration_client_uri", issuer + PATH + "/" + FormCodec.encode(client.id().value()));
    }
}
