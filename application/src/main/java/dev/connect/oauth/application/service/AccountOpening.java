package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Account;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ApiKey;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.PasswordHash;
import dev.connect.oauth.domain.Phone;
import dev.connect.oauth.domain.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens an account with its first API key, for the admin API and for the bootstrap admin alike.
 * Both are stored in one atomic step, so a failure leaves neither and the same request can simply
 * be retried. The store enforces unique email and phone ({@code email_exists}, {@code phone_exists}).
 */
final class AccountOpening {
    private final AccountRepository accounts;
    private final ApiKeyMinting minting;
    private final AuditTrail audit;
    private final SecretGenerator generator;

    AccountOpening(AccountRepository accounts, SecretGenerator generator, SecretHasher hasher, AuditLog auditLog) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.minting = new ApiKeyMinting(generator, hasher);
        this.audit = new AuditTrail(auditLog);
    }

    /**
     * @param key  the key to keep, or empty to mint one
     */
    CreatedAccount open(Email email, Optional<Phone> phone, String name, Role role, Optional<PasswordHash> password,
                        Optional<ApiKey> key, Instant now) {
        Account account = new Account(new AccountId(generator.identifier()), email, phone, name, role, password, now);
        NewApiKey apiKey = key.map(given -> minting.issue(account.id(), given, now))
                .orElseGet(() -> minting.mint(account.id(), now));
        accounts.add(account, apiKey.issued());
        audit.record(AuditEventType.ACCOUNT_CREATED, Optional.of(account.id()), Optional.empty(),
                "role=" + role.wireName(), now);
        return new CreatedAccount(account, apiKey);
    }
}
