package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.Connection;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.PendingDeviceAuthorization;
import dev.connect.oauth.application.port.in.RequestSource;
import dev.connect.oauth.application.port.in.TooManyAttemptsException;
import dev.connect.oauth.application.port.in.UserCodeAttempt;
import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RegisterClientCommand;
import dev.connect.oauth.application.port.in.RegisteredClient;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.Scope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The account and client API, version 1 (API.md §4), authenticated by the {@code ACCESSTOKEN}
 * header. Secrets (API keys, client secrets) appear once, in the answer that creates them; hashes
 * never.
 */
final class ApiEndpoints {
    static final String API_KEY_HEADER = "ACCESSTOKEN";
    private static final Set<String> JSON_ONLY = Set.of(MediaTypes.JSON);
    /** The members of {@code POST /api/v1/clients}; any other is refused. */
    private static final Set<String> CLIENT_MEMBERS = Set.copyOf(java.util.stream.Stream.concat(
            Set.of("name", "type", "redirect_uris", "scopes", "post_logout_redirect_uris", "subject_type",
                    "default_max_age", "resources", "require_pushed_authorization_requests").stream(),
            ClientMetadataJson.SHARED_MEMBERS.stream()).toList());
    /** The members of {@code POST /api/v1/device/approve}. */
    private static final Set<String> DEVICE_DECISION_MEMBERS = Set.of("user_code", "decision");

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final MaintenanceMode maintenance;
    private final RequestSources sources;

    ApiEndpoints(HttpUseCases useCases, UseCaseExecutor executor, MaintenanceMode maintenance, RequestSources sources) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    void createAccount(RoutingContext ctx) {
        RawJson raw = RawJson.of(ctx);
        asCaller(ctx, caller -> {
            JsonObject body = raw.parse();
            return useCases.createAccount().create(new CreateAccountCommand(caller, JsonBodies.string(body, "email"),
                    JsonBodies.string(body, "phone"), JsonBodies.string(body, "name"),
                    JsonBodies.string(body, "password"), JsonBodies.string(body, "role")));
        }, created -> Replies.json(ctx, 201, created(created)));
    }

    void me(RoutingContext ctx) {
        asCaller(ctx, Principal::account, account -> Replies.json(ctx, 200, account(account)));
    }

    void issueApiKey(RoutingContext ctx) {
        asCaller(ctx, caller -> useCases.issueApiKey().issue(caller), key -> Replies.json(ctx, 201, apiKey(key)));
    }

    void revokeApiKey(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        asCaller(ctx, caller -> {
            useCases.revokeApiKey().revoke(caller, ApiKeyId.parse(id));
            return true;
        }, done -> Replies.noContent(ctx));
    }

    void connections(RoutingContext ctx) {
        asCaller(ctx, caller -> useCases.listConnections().list(caller), connections -> Replies.json(ctx, 200,
                new JsonObject().put("connections", array(connections, ApiEndpoints::connection))));
    }

    void disconnect(RoutingContext ctx) {
        String clientId = ctx.pathParam("client_id");
        asCaller(ctx, caller -> {
            useCases.disconnectClient().disconnect(caller, clientId);
            return true;
        }, done -> Replies.noContent(ctx));
    }

    /**
     * {@code POST /api/v1/device/approve}: what the device verification page does, for a program
     * holding the account's API key: {@code {"user_code": "...", "decision": "approve"|"deny"}}.
     * Wrong codes count against the same limits as on the page (429 with {@code Retry-After}).
     */
    void decideDeviceAuthorization(RoutingContext ctx) {
        RawJson raw = RawJson.of(ctx);
        RequestSource source = sources.of(ctx);
        asCaller(ctx, caller -> {
            JsonObject body = raw.parse();
            JsonBodies.requireOnly(body, DEVICE_DECISION_MEMBERS);
            String userCode = JsonBodies.string(body, "user_code")
                    .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("user_code is required."));
            ConsentDecision decision = JsonBodies.string(body, "decision").flatMap(ConsentDecision::parse)
                    .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("decision must be approve or deny."));
            try {
                // The key authenticates the holder with this very request: auth_time is now.
                PendingDeviceAuthorization decided = useCases.decideDeviceAuthorization().decide(
                        new DecideDeviceAuthorizationCommand(new UserCodeAttempt(userCode, caller.account().id(), source),
                                decision, Optional.empty()));
                return new JsonObject()
                        .put("user_code", decided.userCode().display())
                        .put("client_id", decided.clientId().value())
                        .put("client_name", decided.clientName())
                        .put("scope", decided.scopes().toString())
                        .put("decision", decision instanceof ConsentDecision.Approve ? "approve" : "deny");
            } catch (TooManyAttemptsException limited) {
                throw HttpProblem.tooManyRequests(limited.retryAfter());
            }
        }, decided -> Replies.json(ctx, 200, decided));
    }

    void registerClient(RoutingContext ctx) {
        RawJson raw = RawJson.of(ctx);
        asCaller(ctx, caller -> {
            caller.requireAdmin();
            JsonObject body = raw.parse();
            ClientMetadataJson.requireOnly(body, CLIENT_MEMBERS);
            return useCases.registerClient().register(new RegisterClientCommand(caller, JsonBodies.string(body, "name"),
                    JsonBodies.strings(body, "redirect_uris"), JsonBodies.strings(body, "scopes"),
                    JsonBodies.string(body, "type"), JsonBodies.strings(body, "post_logout_redirect_uris"),
                    JsonBodies.string(body, "subject_type"), JsonBodies.wholeNumber(body, "default_max_age"),
                    JsonBodies.optionalBoolean(body, "require_pushed_authorization_requests"),
                    ClientMetadataJson.auth(body), JsonBodies.strings(body, "resources"),
                    ClientMetadataJson.accessTokenFormat(body)));
        }, registered -> Replies.json(ctx, 201, registered(registered)));
    }

    void listClients(RoutingContext ctx) {
        asCaller(ctx, caller -> useCases.listClients().list(caller), clients -> Replies.json(ctx, 200,
                new JsonObject().put("clients", array(clients, ApiEndpoints::client))));
    }

    void getClient(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        asCaller(ctx, caller -> useCases.getClient().get(caller, id), client -> Replies.json(ctx, 200, client(client)));
    }

    void rotateSecret(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        asCaller(ctx, caller -> useCases.rotateClientSecret().rotate(caller, id),
                registered -> Replies.json(ctx, 200, registered(registered)));
    }

    void deleteClient(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        asCaller(ctx, caller -> {
            useCases.deleteClient().delete(caller, id);
            return true;
        }, done -> Replies.noContent(ctx));
    }

    /**
     * {@code GET}: the fleet's switch as this node knows it ({@code enabled}), and whether this
     * node's configuration forces maintenance anyway ({@code forced_on_this_node}); admin only.
     */
    void maintenanceStatus(RoutingContext ctx) {
        asCaller(ctx, caller -> {
            caller.requireAdmin();
            return useCases.checkMaintenance().isOn();
        }, on -> Replies.json(ctx, 200, maintenance(on)));
    }

    /** {@code PUT {"enabled": true|false}}: switches maintenance for every node (admin only). */
    void setMaintenance(RoutingContext ctx) {
        RawJson raw = RawJson.of(ctx);
        asCaller(ctx, caller -> {
            caller.requireAdmin();
            return useCases.switchMaintenance().set(caller, JsonBodies.requiredBoolean(raw.parse(), "enabled"));
        }, on -> Replies.json(ctx, 200, maintenance(on)));
    }

    private JsonObject maintenance(boolean on) {
        return new JsonObject().put("enabled", on).put("forced_on_this_node", maintenance.isForced());
    }

    /**
     * Authenticates the API key, then runs {@code action} as its account, off the event loop. The
     * key is checked before the body is parsed, so a caller without a valid key learns nothing else.
     */
    <T> void asCaller(RoutingContext ctx, Function<Principal, T> action, Consumer<T> render) {
        List<String> keys = ctx.request().headers().getAll(API_KEY_HEADER);
        // A repeated header is no key in the issued format (2038); the use case says so.
        Optional<String> key = keys.isEmpty() ? Optional.empty() : Optional.of(String.join(",", keys));
        executor.call(ctx, () -> action.apply(useCases.authenticateApiKey().authenticate(key)), render);
    }

    /**
     * A body taken from the request on its event loop, parsed later on the caller's thread, once
     * the API key has been checked.
     */
    private record RawJson(Buffer body, String contentType) {
        static RawJson of(RoutingContext ctx) {
            return new RawJson(BodyReader.body(ctx), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        }

        JsonObject parse() {
            MediaTypes.requireBodyType(contentType, body.length(), JSON_ONLY);
            return JsonBodies.object(body);
        }
    }

    private static <T> JsonArray array(Collection<T> items, Function<T, JsonObject> json) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(json.apply(item)));
        return array;
    }

    static JsonObject account(Account account) {
        return new JsonObject()
                .put("id", account.id().value())
                .put("email", account.email().value())
                .put("phone", account.phone().map(Object::toString).orElse(null))
                .put("name", account.name())
                .put("role", account.role().wireName())
                .put("created_at", account.createdAt().toString());
    }

    private static JsonObject created(CreatedAccount created) {
        return account(created.account())
                .put("api_key", created.apiKey().key().value())
                .put("api_key_id", created.apiKey().issued().id().value());
    }

    private static JsonObject apiKey(NewApiKey key) {
        return new JsonObject()
                .put("id", key.issued().id().value())
                .put("api_key", key.key().value())
                .put("created_at", key.issued().createdAt().toString());
    }

    private static JsonObject connection(Connection connection) {
        return new JsonObject()
                .put("client_id", connection.clientId().value())
                .put("client_name", connection.clientName())
                .put("scope", connection.scopes().toString())
                .put("since", connection.since().toString());
    }

    private static JsonObject client(Client client) {
        JsonArray scopes = new JsonArray();
        client.allowedScopes().scopes().stream().map(Scope::value).forEach(scopes::add);
        JsonObject body = new JsonObject()
                .put("client_id", client.id().value())
                .put("name", client.name())
                .put("type", client.type().wireName())
                .put("redirect_uris", ClientMetadataJson.uris(client.redirectUris()))
                .put("scopes", scopes)
                .put("post_logout_redirect_uris", ClientMetadataJson.uris(client.openId().postLogoutRedirectUris()))
                .put("subject_type", client.openId().subjectType().wireName())
                .put("resources", new JsonArray(client.openId().resources().values()))
                .put("require_pushed_authorization_requests", client.requirePushedAuthorizationRequests());
        client.openId().defaultMaxAge().ifPresent(age -> body.put("default_max_age", age.toSeconds()));
        ClientMetadataJson.putShared(body, client);
        return body.put("created_at", client.createdAt().toString());
    }

    private static JsonObject registered(RegisteredClient registered) {
        JsonObject body = client(registered.client());
        registered.secret().ifPresent(secret -> body.put("client_secret", secret));
        return body;
    }
}
