package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientRedirectUrisRecord;
import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientsRecord;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.SubjectType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link Client} to and from a row of {@code clients} and its rows of {@code client_redirect_uris},
 * which keep the registered order in {@code position}. The post-logout redirect URIs are one
 * space-separated column of the row (a URI never holds a space), in registered order.
 */
final class ClientMapper {
    private ClientMapper() {
    }

    static ClientsRecord toRecord(Client client) {
        ClientsRecord row = new ClientsRecord();
        row.setId(client.id().value());
        row.setName(client.name());
        row.setType(client.type().wireName());
        row.setSecretHash(client.secretHash().map(SecretHash::hex).orElse(null));
        row.setAllowedScopes(client.allowedScopes().toString());
        row.setCreatedAt(EpochNanos.of(client.createdAt()));
        ClientOpenIdSettings openId = client.openId();
        row.setPostLogoutRedirectUris(openId.postLogoutRedirectUris().isEmpty() ? null
                : openId.postLogoutRedirectUris().stream().map(RedirectUri::value).collect(Collectors.joining(" ")));
        row.setSubjectType(openId.subjectType().wireName());
        row.setDefaultMaxAge(openId.defaultMaxAge().map(Duration::toSeconds).orElse(null));
        row.setRequirePushedAuthorizationRequests(client.requirePushedAuthorizationRequests());
        return row;
    }

    static List<ClientRedirectUrisRecord> toRedirectUriRecords(Client client) {
        List<ClientRedirectUrisRecord> rows = new ArrayList<>();
        List<RedirectUri> uris = client.redirectUris();
        for (int position = 0; position < uris.size(); position++) {
            rows.add(new ClientRedirectUrisRecord(client.id().value(), position, uris.get(position).value()));
        }
        return rows;
    }

    /** The client of {@code row} with {@code redirectUris}, given in their registered order. */
    static Client toClient(ClientsRecord row, List<String> redirectUris) {
        return new Client(ClientId.parse(row.getId()), row.getName(), ClientType.parse(row.getType()),
                Optional.ofNullable(row.getSecretHash()).map(SecretHash::new),
                redirectUris.stream().map(RedirectUri::parse).toList(), ScopeSet.parse(row.getAllowedScopes()),
                EpochNanos.toInstant(row.getCreatedAt()), openId(row),
                Boolean.TRUE.equals(row.getRequirePushedAuthorizationRequests()));
    }

    private static ClientOpenIdSettings openId(ClientsRecord row) {
        List<RedirectUri> postLogout = Optional.ofNullable(row.getPostLogoutRedirectUris())
                .map(uris -> Arrays.stream(uris.split(" ")).map(RedirectUri::parse).toList()).orElse(List.of());
        return new ClientOpenIdSettings(postLogout, SubjectType.parse(row.getSubjectType()),
                Optional.ofNullable(row.getDefaultMaxAge()).map(Duration::ofSeconds));
    }
}
