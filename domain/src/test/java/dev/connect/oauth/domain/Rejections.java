package dev.connect.oauth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The one check of an expected rejection: an {@link OAuthException} carrying the expected code. */
final class Rejections {
    private Rejections() {
    }

    static void assertRejected(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }
}
