package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.Account;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AccessTokenLookup} finds: an access token and the account it names. The account is
 * empty when the token names none (a client credentials token, RFC 6749 §4.4) or when the account
 * is no longer stored.
 *
 * @param token the token, revoked when its grant is revoked, as {@link TokenRepository#findAccessToken} reports it
 * @param account the account of {@link AccessToken#accountId()}, when stored
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
public record DescribedAccessToken(AccessToken token, Optional<Account> account) {
    public DescribedAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(account, "account");
        if (account.isPresent() && !token.accountId().equals(account.map(Account::id))) {
            throw new IllegalArgumentException("The account is not the token's account");
        }
    }
}
