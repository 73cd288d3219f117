package dev.connect.oauth.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account: the resource owner who signs in and consents, and the holder of API keys.
 * Email and phone are unique across accounts (the stores enforce it).
 */
public record Account(AccountId id, Email email, Optional<Phone> phone, String name, Role role,
                      Optional<PasswordHash> password, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw ErrorCode.INVALID_REQUEST.exception("name must be 1 to " + MAX_NAME_LENGTH + " printable characters.");
        }
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
