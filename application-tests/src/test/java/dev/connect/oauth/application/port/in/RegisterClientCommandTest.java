package dev.connect.oauth.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.testkit.testdata.TestAccounts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterClientCommandTest {
    private final Principal admin = new Principal(TestAccounts.admin().build(), new ApiKeyId("key-1"));

    @Test
    void whenListHoldsNullThenInvalidRequestNotNullPointer() {
        assertThatThrownBy(() -> new RegisterClientCommand(admin, Optional.of("App"), Optional.of(Arrays.asList("https://a.example/cb", null)),
                Optional.of(List.of("connect")), Optional.of("public")))
                .isInstanceOfSatisfying(OAuthException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> new RegisterClientCommand(admin, Optional.of("App"), Optional.of(List.of()), Optional.of(Arrays.asList((String) null)),
                Optional.of("public")))
                .isInstanceOf(OAuthException.class);
    }

    @Test
    void whenListsAbsentThenKeptAbsentForTheServiceToReport() {
        RegisterClientCommand command = new RegisterClientCommand(admin, Optional.of("App"), Optional.empty(), Optional.empty(), Optional.of("public"));

        assertThat(command.redirectUris()).isEmpty();
        assertThat(command.scopes()).isEmpty();
    }
}
