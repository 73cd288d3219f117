package dev.connect.oauth.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterClientCommandTest {
    private final Principal admin = new Principal(TestAccounts.admin().build(), new ApiKeyId("key-1"));

    @Test
    void whenListHoldsNullThenInvalidRequestNotNullPointer() {
        assertThatThrownBy(() -> new RegisterClientCommand(admin, "App", Arrays.asList("https://a.example/cb", null),
                List.of("connect"), "public"))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> new RegisterClientCommand(admin, "App", List.of(), Arrays.asList((String) null),
                "public"))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void whenListsAbsentThenKeptAbsentForTheServiceToReport() {
        RegisterClientCommand command = new RegisterClientCommand(admin, "App", null, null, "public");

        assertThat(command.redirectUris()).isNull();
        assertThat(command.scopes()).isNull();
    }
}
