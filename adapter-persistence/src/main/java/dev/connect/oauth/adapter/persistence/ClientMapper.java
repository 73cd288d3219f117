package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientRedirectUrisRecord;
import dev.connect.oauth.adapter.persistence.jooq.tables.records.ClientsRecord;
import dev.connect.oauth.domain.AccessTokenFormat;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.ClientOpenIdSettings;
import dev.connect.oauth.domain.ClientType;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.ResponseType;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.SubjectType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link Client} to and from a row of {@code clients} and its rows of {@code client_redirect_uris},
 * which keep the registered order in {@code position}. The post-logout redirect URIs are one
 * space-separated column of the row (a URI never holds a space), in registered order, and so are
 * its resources (RFC 8707); so are the grant and response types, in the order of their enums.
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
        row.setSealedSecret(client.sealedSecret().map(SealedSecret::value).orElse(null));
        row.setAllowedScopes(client.allowedScopes().toString());
        row.setCreatedAt(EpochNanos.of(client.createdAt()));
        ClientOpenIdSettings openId = client.openId();
        row.setPostLogoutRedirectUris(openId.postLogoutRedirectUris().isEmpty() ? null
                : openId.postLogoutRedirectUris().stream().map(RedirectUri::value).collect(Collectors.joining(" ")));
        row.setSubjectType(openId.subjectType().wireName());
        row.setDefaultMaxAge(openId.defaultMaxAge().map(Duration::toSeconds).orElse(null));
        row.setResources(TokenMapper.stored(openId.resources()));
        ClientAuthSettings auth = client.auth();
        row.setTokenEndpointAuthMethod(auth.method().wireName());
        row.setGrantTypes(auth.grantTypes().stream().sorted().map(GrantType::wireName).collect(Collectors.joining(" ")));
        row.setResponseTypes(auth.responseTypes().stream().sorted().map(ResponseType::wireName).collect(Collectors.joining(" ")));
        row.setJwks(auth.jwks().orElse(null));
        row.setJwksUri(auth.jwksUri().orElse(null));
        row.setTokenEndpointAuthSigningAlg(auth.signingAlg().orElse(null));
        row.setRegistrationTokenHash(auth.registrationTokenHash().map(SecretHash::hex).orElse(null));
        row.setRequirePushedAuthorizationRequests(client.requirePushedAuthorizationRequests());
        row.setAccessTokenFormat(client.accessTokenFormat().wireName());
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
                Boolean.TRUE.equals(row.getRequirePushedAuthorizationRequests()), auth(row),
                Optional.ofNullable(row.getSealedSecret()).map(SealedSecret::new),
                AccessTokenFormat.parse(row.getAccessTokenFormat()));
    }

    private static ClientAuthSettings auth(ClientsRecord row) {
        return new ClientAuthSettings(ClientAuthMethod.parse(row.getTokenEndpointAuthMethod()).orElseThrow(),
                words(row.getGrantTypes()).map(value -> GrantType.parse(value).orElseThrow()).collect(Collectors.toSet()),
                words(row.getResponseTypes()).map(value -> ResponseType.parse(value).orElseThrow()).collect(Collectors.toSet()),
                Optional.ofNullable(row.getJwks()), Optional.ofNullable(row.getJwksUri()),
                Optional.ofNullable(row.getTokenEndpointAuthSigningAlg()),
                Optional.ofNullable(row.getRegistrationTokenHash()).map(SecretHash::new));
    }

    private static Stream<String> words(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(word -> !word.isEmpty());
    }

    private static ClientOpenIdSettings openId(ClientsRecord row) {
        List<RedirectUri> postLogout = Optional.ofNullable(row.getPostLogoutRedirectUris())
                .map(uris -> Arrays.stream(uris.split(" ")).map(RedirectUri::parse).toList()).orElse(List.of());
        return new ClientOpenIdSettings(postLogout, SubjectType.parse(row.getSubjectType()),
                Optional.ofNullable(row.getDefaultMaxAge()).map(Duration::ofSeconds),
                ResourceSet.parseStored(row.getResources()));
    }
}
