package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.DpopNonceCodec;
import java.util.Objects;
import java.util.OptionalLong;

/** A {@link DpopNonceCodec} whose nonces are {@code nonce-<slot>} in clear: unforgeable only in tests. */
public final class FakeDpopNonceCodec implements DpopNonceCodec {
    private static final String PREFIX = "nonce-";

    @Override
    public String seal(long slot) {
        return PREFIX + slot;
    }

    @Override
    public OptionalLong open(String nonce) {
        Objects.requireNonNull(nonce, "nonce");
        if (!nonce.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(nonce.substring(PREFIX.length())));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }
}
