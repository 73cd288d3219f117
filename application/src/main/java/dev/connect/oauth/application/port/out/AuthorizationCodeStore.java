package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;

/**
 * Issued authorization codes, by the hash of the code.
 *
 * <p>Atomicity: {@link #redeem} returns {@link Redemption.Redeemed} at most once per code across
 * every node sharing the store, however many redeem it at the same moment (a conditional update,
 * never read-then-write).
 */
public interface AuthorizationCodeStore {
    void add(AuthorizationCode code);

    /**
     * Marks the code redeemed if it was not, and says which case happened. It does not look at the
     * code's grant: the caller checks that the grant is still active before issuing tokens.
     */
    Redemption redeem(SecretHash hash, Instant at);

    /** What {@link #redeem} found. */
    sealed interface Redemption {
        /** This call redeemed the code; {@code code} is as it was issued. */
        record Redeemed(AuthorizationCode code) implements Redemption {
        }

        /** The code was redeemed before: a replay. */
        record AlreadyRedeemed(AuthorizationCode code) implements Redemption {
        }

        /** No code has this hash. */
        record Unknown() implements Redemption {
        }
    }
}
