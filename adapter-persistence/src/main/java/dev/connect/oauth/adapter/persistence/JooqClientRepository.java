package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.CLIENTS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.CLIENT_REDIRECT_URIS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientsRecord;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * {@link ClientRepository} on {@code clients} (with its OpenID Connect settings) and
 * {@code client_redirect_uris}.
 *
 * <p>{@link #remove} is a soft delete: the row is marked {@code deleted_at} and disappears from
 * every lookup, while the grants, codes and tokens that name it keep their foreign keys. In the
 * same transaction every grant of the client still active is revoked at the given instant, so all
 * its tokens are reported revoked on every node at once.
 */
final class JooqClientRepository implements ClientRepository {
    private final JooqDatabase database;

    JooqClientRepository(JooqDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(Client client) {
        Objects.requireNonNull(client, "client");
        database.transactionally(ctx -> {
            ctx.insertInto(CLIENTS).set(ClientMapper.toRecord(client)).execute();
            insertRedirectUris(ctx, client);
        });
    }

    @Override
    public boolean update(Client client) {
        Objects.requireNonNull(client, "client");
        return database.transaction(ctx -> {
            ClientsRecord row = ClientMapper.toRecord(client);
            int updated = ctx.update(CLIENTS)
                    .set(CLIENTS.NAME, row.getName())
                    .set(CLIENTS.TYPE, row.getType())
                    .set(CLIENTS.SECRET_HASH, row.getSecretHash())
                    .set(CLIENTS.SEALED_SECRET, row.getSealedSecret())
                    .set(CLIENTS.ALLOWED_SCOPES, row.getAllowedScopes())
                    .set(CLIENTS.CREATED_AT, row.getCreatedAt())
                    .set(CLIENTS.POST_LOGOUT_REDIRECT_URIS, row.getPostLogoutRedirectUris())
                    .set(CLIENTS.SUBJECT_TYPE, row.getSubjectType())
                    .set(CLIENTS.DEFAULT_MAX_AGE, row.getDefaultMaxAge())
                    .set(CLIENTS.RESOURCES, row.getResources())
                    .set(CLIENTS.TOKEN_ENDPOINT_AUTH_METHOD, row.getTokenEndpointAuthMethod())
                    .set(CLIENTS.GRANT_TYPES, row.getGrantTypes())
                    .set(CLIENTS.RESPONSE_TYPES, row.getResponseTypes())
                    .set(CLIENTS.JWKS, row.getJwks())
                    .set(CLIENTS.JWKS_URI, row.getJwksUri())
                    .set(CLIENTS.TOKEN_ENDPOINT_AUTH_SIGNING_ALG, row.getTokenEndpointAuthSigningAlg())
                    .set(CLIENTS.REGISTRATION_TOKEN_HASH, row.getRegistrationTokenHash())
                    .set(CLIENTS.REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, row.getRequirePushedAuthorizationRequests())
                    .set(CLIENTS.ACCESS_TOKEN_FORMAT, row.getAccessTokenFormat())
                    .where(CLIENTS.ID.eq(row.getId()).and(CLIENTS.DELETED_AT.isNull()))
                    .execute();
            if (updated == 0) {
                return false;
            }
            ctx.deleteFrom(CLIENT_REDIRECT_URIS).where(CLIENT_REDIRECT_URIS.CLIENT_ID.eq(row.getId())).execute();
            insertRedirectUris(ctx, client);
            return true;
        });
    }

    @Override
    public boolean replaceSealedSecret(ClientId id, SealedSecret expected, SealedSecret replacement) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return database.transaction(ctx -> ctx.update(CLIENTS)
                .set(CLIENTS.SEALED_SECRET, replacement.value())
                .where(CLIENTS.ID.eq(id.value()).and(CLIENTS.DELETED_AT.isNull())
                        .and(CLIENTS.SEALED_SECRET.eq(expected.value())))
                .execute() == 1);
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        return database.query(ctx -> ctx.selectFrom(CLIENTS)
                .where(CLIENTS.ID.eq(id.value()).and(CLIENTS.DELETED_AT.isNull()))
                .fetchOptional()
                .map(row -> ClientMapper.toClient(row, ctx.select(CLIENT_REDIRECT_URIS.URI)
                        .from(CLIENT_REDIRECT_URIS)
                        .where(CLIENT_REDIRECT_URIS.CLIENT_ID.eq(row.getId()))
                        .orderBy(CLIENT_REDIRECT_URIS.POSITION)
                        .fetch(CLIENT_REDIRECT_URIS.URI))));
    }

    /** Oldest first; clients made at the same instant in the order they were added ({@code seq}). */
    @Override
    public List<Client> findAll() {
        return database.query(ctx -> {
            Map<String, List<String>> redirectUris = ctx.select(CLIENT_REDIRECT_URIS.CLIENT_ID, CLIENT_REDIRECT_URIS.URI)
                    .from(CLIENT_REDIRECT_URIS)
                    .join(CLIENTS).on(CLIENTS.ID.eq(CLIENT_REDIRECT_URIS.CLIENT_ID))
                    .where(CLIENTS.DELETED_AT.isNull())
                    .orderBy(CLIENT_REDIRECT_URIS.CLIENT_ID, CLIENT_REDIRECT_URIS.POSITION)
                    .fetch()
                    .stream()
                    .collect(Collectors.groupingBy(row -> row.get(CLIENT_REDIRECT_URIS.CLIENT_ID),
                            Collectors.mapping(row -> row.get(CLIENT_REDIRECT_URIS.URI), Collectors.toList())));
            return ctx.selectFrom(CLIENTS)
                    .where(CLIENTS.DELETED_AT.isNull())
                    .orderBy(CLIENTS.CREATED_AT, CLIENTS.SEQ)
                    .fetch(row -> ClientMapper.toClient(row, redirectUris.getOrDefault(row.getId(), List.of())));
        });
    }

    @Override
    public boolean remove(ClientId id, Instant at) {
        Objects.requireNonNull(id, "id");
        long now = EpochNanos.of(Objects.requireNonNull(at, "at"));
        return database.transaction(ctx -> {
            int removed = ctx.update(CLIENTS)
                    .set(CLIENTS.DELETED_AT, now)
                    .where(CLIENTS.ID.eq(id.value()).and(CLIENTS.DELETED_AT.isNull()))
                    .execute();
            if (removed == 0) {
                return false;
            }
            ctx.update(GRANTS)
                    .set(GRANTS.REVOKED_AT, now)
                    .where(GRANTS.CLIENT_ID.eq(id.value()).and(GRANTS.REVOKED_AT.isNull()))
                    .execute();
            return true;
        });
    }

    private static void insertRedirectUris(DSLContext ctx, Client client) {
        var rows = ClientMapper.toRedirectUriRecords(client);
        if (!rows.isEmpty()) {
            ctx.batchInsert(rows).execute();
        }
    }
}
