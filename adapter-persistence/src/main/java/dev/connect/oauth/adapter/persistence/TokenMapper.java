package dev.connect.oauth.adapter.persistence;

import static dev.connect.oauth.adapter.persistence.jooq.Tables.ACCESS_TOKENS;
import static dev.connect.oauth.adapter.persistence.jooq.Tables.GRANTS;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.AccessTokensRecord;
import dev.connect.oauth.adapter.persistence.jooq.tables.records.RefreshTokensRecord;
import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.TokenId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Record;

/**
 * {@link AccessToken} and {@link RefreshToken} to and from rows of {@code access_tokens} and
 * {@code refresh_tokens}. A token read back carries the earlier of its own revocation time and
 * its grant's, which the lookup joins in.
 */
final class TokenMapper {
    /** The grant's revocation time, selected beside a token's columns by every token lookup. */
    static final Field<Long> GRANT_REVOKED_AT = GRANTS.REVOKED_AT.as("grant_revoked_at");

    private TokenMapper() {
    }

    static AccessTokensRecord toRecord(AccessToken token) {
        return new AccessTokensRecord(token.id().value(), token.hash().hex(), token.grantId().value(),
                token.clientId().value(), token.accountId().map(AccountId::value).orElse(null),
                token.scopes().toString(), token.refreshTokenId().map(TokenId::value).orElse(null),
                EpochNanos.of(token.issuedAt()), EpochNanos.of(token.expiresAt()), EpochNanos.of(token.revokedAt()),
                token.boundKey().map(JwkThumbprint::value).orElse(null));
    }

    static RefreshTokensRecord toRecord(RefreshToken token) {
        return new RefreshTokensRecord(token.id().value(), token.hash().hex(), token.grantId().value(),
                token.clientId().value(), token.accountId().map(AccountId::value).orElse(null),
                token.scopes().toString(), token.parentId().map(TokenId::value).orElse(null),
                EpochNanos.of(token.issuedAt()), EpochNanos.of(token.expiresAt()), EpochNanos.of(token.retiredAt()),
                EpochNanos.of(token.revokedAt()), token.boundKey().map(JwkThumbprint::value).orElse(null));
    }

    static AccessToken toAccessToken(AccessTokensRecord row, Long grantRevokedAt) {
        return new AccessToken(TokenId.parse(row.getId()), new SecretHash(row.getHash()), GrantId.parse(row.getGrantId()),
                ClientId.parse(row.getClientId()), Optional.ofNullable(row.getAccountId()).map(AccountId::parse),
                ScopeSet.parse(row.getScopes()), Optional.ofNullable(row.getRefreshTokenId()).map(TokenId::parse),
                EpochNanos.toInstant(row.getIssuedAt()), EpochNanos.toInstant(row.getExpiresAt()),
                earlier(row.getRevokedAt(), grantRevokedAt), Optional.ofNullable(row.getJkt()).map(JwkThumbprint::new));
    }

    /** The access token of a row holding the columns of {@code access_tokens} and {@link #GRANT_REVOKED_AT}. */
    static AccessToken toAccessToken(Record row) {
        return toAccessToken(row.into(ACCESS_TOKENS), row.get(GRANT_REVOKED_AT));
    }

    static RefreshToken toRefreshToken(RefreshTokensRecord row, Long grantRevokedAt) {
        return new RefreshToken(TokenId.parse(row.getId()), new SecretHash(row.getHash()), GrantId.parse(row.getGrantId()),
                ClientId.parse(row.getClientId()), Optional.ofNullable(row.getAccountId()).map(AccountId::parse),
                ScopeSet.parse(row.getScopes()), Optional.ofNullable(row.getParentId()).map(TokenId::parse),
                EpochNanos.toInstant(row.getIssuedAt()), EpochNanos.toInstant(row.getExpiresAt()),
                EpochNanos.toOptionalInstant(row.getRetiredAt()), earlier(row.getRevokedAt(), grantRevokedAt),
                Optional.ofNullable(row.getJkt()).map(JwkThumbprint::new));
    }

    /** The token's revocation as the port reports it: its own, unless its grant was revoked earlier. */
    private static Optional<Instant> earlier(Long tokenRevokedAt, Long grantRevokedAt) {
        return Stream.of(tokenRevokedAt, grantRevokedAt)
                .filter(Objects::nonNull)
                .min(Long::compare)
                .map(EpochNanos::toInstant);
    }
}
