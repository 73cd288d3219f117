package dev.connect.oauth.domain;

import static dev.connect.oauth.domain.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    private static Account account(String name, Role role) {
        return new Account(new AccountId("account-1"), Email.parse("ada@example.com"), Optional.empty(), name, role,
                Optional.empty(), NOW);
    }

    @Test
    void isAdminThenOnlyForTheAdminRole() {
        assertThat(account("Ada", Role.ADMIN).isAdmin()).isTrue();
        assertThat(account("Ada", Role.CUSTOMER).isAdmin()).isFalse();
    }

    @Test
    void constructorThenStripsTheName() {
        assertThat(account("  Ada Lovelace  ", Role.CUSTOMER).name()).isEqualTo("Ada Lovelace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Ada\u0007", "Ada\r\nLovelace"})
    void constructorWhenNameBlankOrWithControlCharactersThenInvalidRequest(String name) {
        assertRejected(() -> account(name, Role.CUSTOMER), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNameLongerThan200ThenInvalidRequest() {
        assertThat(account("n".repeat(200), Role.CUSTOMER).name()).hasSize(200);
        assertRejected(() -> account("n".repeat(201), Role.CUSTOMER), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void constructorWhenNullThenNamesTheMissingField() {
        assertThatNullPointerException().isThrownBy(() -> new Account(new AccountId("a"), null, Optional.empty(), "Ada",
                Role.CUSTOMER, Optional.empty(), NOW)).withMessage("email");
        assertThatNullPointerException().isThrownBy(() -> account("Ada", null)).withMessage("role");
    }

    @Test
    void roleParseThenAbsentIsCustomerAndUnknownRefused() {
        assertThat(Role.parse(null)).isEqualTo(Role.CUSTOMER);
        assertThat(Role.parse("")).isEqualTo(Role.CUSTOMER);
        assertThat(Role.parse("ADMIN")).isEqualTo(Role.ADMIN);
        assertThat(Role.ADMIN.wireName()).isEqualTo("admin");
        assertRejected(() -> Role.parse("root"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void passwordHashThenNeverShowsItsText() {
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA");

        assertThat(hash.toString()).doesNotContain("argon2id").doesNotContain("aGFzaA");
    }
}
