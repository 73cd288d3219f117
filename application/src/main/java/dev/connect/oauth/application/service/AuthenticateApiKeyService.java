package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.AuthenticateApiKeyUseCase;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.IssuedApiKey;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates the {@code ACCESSTOKEN} header (API.md §4): absent 2032 and malformed 2038 are
 * told by the format alone; a well-formed key that is unknown, revoked, or whose account is gone
 * is 2036.
 */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyUseCase {
    private final ApiKeyRepository apiKeys;
    private final AccountRepository accounts;
    private final SecretHasher hasher;

    @Inject
    public AuthenticateApiKeyService(ApiKeyRepository apiKeys, AccountRepository accounts, SecretHasher hasher) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public Principal authenticate(Optional<String> headerValue) {
        ApiKey key = ApiKey.parse(headerValue.orElse(""));
        IssuedApiKey issued = apiKeys.findByHash(hasher.hash(key.value()))
                .filter(IssuedApiKey::isActive)
                .orElseThrow(ErrorCode.INVALID_API_KEY::exception);
        Account account = accounts.findById(issued.accountId())
                .orElseThrow(ErrorCode.INVALID_API_KEY::exception);
        return new Principal(account, issued.id());
    }
}
