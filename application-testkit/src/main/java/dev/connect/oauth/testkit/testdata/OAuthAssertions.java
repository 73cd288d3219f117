package dev.connect.oauth.testkit.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.OAuthException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** AssertJ checks of expected rejections. */
public final class OAuthAssertions {
    private OAuthAssertions() {
    }

    /** Asserts that {@code call} throws an {@link OAuthException} carrying {@code expected}. */
    public static void assertRejected(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }
}
