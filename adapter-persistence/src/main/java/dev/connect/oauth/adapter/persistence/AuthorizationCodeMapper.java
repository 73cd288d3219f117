package dev.connect.oauth.adapter.persistence;

import dev.connect.oauth.adapter.persistence.jooq.tables.records.AuthorizationCodesRecord;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.JwkThumbprint;
import dev.connect.oauth.domain.PkceChallenge;
import dev.connect.oauth.domain.RedirectUri;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.SecretHash;
import java.util.Optional;

/** {@link AuthorizationCode} to and from a row of {@code authorization_codes}. */
final class AuthorizationCodeMapper {
    private AuthorizationCodeMapper() {
    }

    static AuthorizationCodesRecord toRecord(AuthorizationCode code) {
        return new AuthorizationCodesRecord(code.hash().hex(), code.grantId().value(), code.clientId().value(),
                code.accountId().value(), code.redirectUri().value(), code.scopes().toString(),
                code.challenge().map(PkceChallenge::challenge).orElse(null),
                code.challenge().map(challenge -> challenge.method().wireName()).orElse(null),
                EpochNanos.of(code.issuedAt()), EpochNanos.of(code.expiresAt()), EpochNanos.of(code.redeemedAt()),
                code.boundKey().map(JwkThumbprint::value).orElse(null));
    }

    static AuthorizationCode toCode(AuthorizationCodesRecord row) {
        Optional<PkceChallenge> challenge = Optional.ofNullable(row.getChallenge())
                .map(value -> PkceChallenge.parse(value, Optional.ofNullable(row.getChallengeMethod())));
        return new AuthorizationCode(new SecretHash(row.getHash()), GrantId.parse(row.getGrantId()),
                ClientId.parse(row.getClientId()), AccountId.parse(row.getAccountId()),
                RedirectUri.parse(row.getRedirectUri()), ScopeSet.parse(row.getScopes()), challenge,
                EpochNanos.toInstant(row.getIssuedAt()), EpochNanos.toInstant(row.getExpiresAt()),
                EpochNanos.toOptionalInstant(row.getRedeemedAt()),
                Optional.ofNullable(row.getDpopJkt()).map(JwkThumbprint::new));
    }
}
