package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.CreateAccountCommand;
import dev.connect.oauth.application.port.in.CreateAccountUseCase;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Email;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.PasswordHash;
import dev.connect.oauth.domain.Phone;
import dev.connect.oauth.domain.Role;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/accounts} (API.md §4), admin only: validates every field (2034/2041 for the
 * email, {@code invalid_request} for the rest), hashes the password if one is given, and opens the
 * account with its first API key; the store answers 2039/2040 for a taken email or phone.
 */
public final class CreateAccountService implements CreateAccountUseCase {
    /** Shorter passwords are guessed too easily (NIST SP 800-63B §5.1.1.2). */
    static final int MIN_PASSWORD_LENGTH = 8;
    /** Longer ones are no safer and make the slow hash a lever for denial of service. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final AccountOpening opening;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    @Inject
    public CreateAccountService(AccountRepository accounts, PasswordHasher passwordHasher, SecretGenerator generator,
                                SecretHasher hasher, AuditLog auditLog, Clock clock) {
        this.opening = new AccountOpening(accounts, generator, hasher, auditLog);
        this.passwordHasher = Objects.requireNonNull(passwordHasher, "passwordHasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CreatedAccount create(CreateAccountCommand command) {
        command.caller().requireAdmin();
        Email email = Email.parse(command.email().orElse(""));
        Optional<Phone> phone = command.phone().filter(value -> !value.isBlank()).map(Phone::parse);
        Role role = Role.parse(command.role().orElse(""));
        Optional<PasswordHash> password = command.password().map(this::hashPassword);
        String name = command.name().orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("name is required."));
        return opening.open(email, phone, name, role, password, Optional.empty(), clock.instant());
    }

    private PasswordHash hashPassword(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw ErrorCode.INVALID_REQUEST.exception("password must be " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters.");
        }
        return passwordHasher.hash(password);
    }
}
