package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.BootstrapAdminUseCase;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.IssuedApiKey;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.Role;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an admin outside the API (API.md §4 "First admin"): at start from the environment, only
 * while no admin exists, so restarting with the same environment changes nothing; or from the
 * CLI. A given key must be in the issued format, so it is as strong as a generated one.
 *
 * <p>Nodes started together with the same environment race to create that first admin; the store
 * lets one win (unique email and key hash). A loser whose attempt failed, however the store said
 * so ({@code email_exists}, the key already issued, a conflict at commit on a multi-primary
 * database), then reads what is stored: when the account with that email is an admin holding that
 * same key (compared by its hash), the configured admin exists and the node starts. Anything else
 * (another key, another role) keeps the failure, which stops the start.
 */
public final class BootstrapAdminService implements BootstrapAdminUseCase {
    private final AccountRepository accounts;
    private final ApiKeyRepository apiKeys;
    private final SecretHasher hasher;
    private final AccountOpening opening;
    private final Clock clock;

    @Inject
    public BootstrapAdminService(AccountRepository accounts, ApiKeyRepository apiKeys, SecretGenerator generator,
                                 SecretHasher hasher, AuditLog auditLog, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.opening = new AccountOpening(accounts, generator, hasher, auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<CreatedAccount> bootstrap(BootstrapAdminCommand command) {
        if (command.onlyIfNoAdmin() && accounts.existsWithRole(Role.ADMIN)) {
            return Optional.empty();
        }
        Email email = Email.parse(command.email());
        Optional<ApiKey> key = command.apiKey().map(BootstrapAdminService::parseKey);
        try {
            key.ifPresent(this::requireNotIssued);
            return Optional.of(opening.open(email, Optional.empty(), command.name(), Role.ADMIN, Optional.empty(), key,
                    clock.instant()));
        } catch (RuntimeException refused) {
            if (command.onlyIfNoAdmin() && key.isPresent() && isAdminWithKey(email, key.get())) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** Whether the account with {@code email} is an admin whose active key is {@code key}. */
    private boolean isAdminWithKey(Email email, ApiKey key) {
        Optional<IssuedApiKey> issued = apiKeys.findByHash(hasher.hash(key.value())).filter(IssuedApiKey::isActive);
        return accounts.findByEmail(email)
                .filter(Account::isAdmin)
                .filter(admin -> issued.map(IssuedApiKey::accountId).filter(admin.id()::equals).isPresent())
                .isPresent();
    }

    /** A key copied from another account's configuration would be refused by the store: say why. */
    private void requireNotIssued(ApiKey key) {
        if (apiKeys.findByHash(hasher.hash(key.value())).isPresent()) {
            throw ErrorCode.INVALID_REQUEST.exception("The admin API key is already issued: make a new one.");
        }
    }

    private static ApiKey parseKey(String value) {
        try {
            return ApiKey.parse(value);
        } catch (OAuthException notAKey) {
            throw ErrorCode.MALFORMED_API_KEY.exception("The admin API key must be ck_ and 43 characters of "
                    + "[A-Za-z0-9_-].");
        }
    }
}
