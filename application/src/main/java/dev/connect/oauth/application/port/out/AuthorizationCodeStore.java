package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;

/**
 * Issued authorization codes, by the hash of the code.
 *
 * <p>Atomicity: {@link #redeem} returns {@link Redemption.Redeemed} at most once per code across
 * every node sharing the store, however many redeem it at the same moment (a conditional update,
 * never read-then-write). Whether the code's grant still stands is part of that one step, so the
 * store, not the clocks of the nodes, orders a redemption and a revocation of its grant: a code
 * redeemed before its grant was revoked stays redeemed (the revocation kills the tokens issued
 * from it afterwards, RFC 6749 §4.1.2), and one presented after is refused.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public interface AuthorizationCodeStore {
    void add(AuthorizationCode code);

    /**
     * Marks the code redeemed if it was neither redeemed nor its grant revoked, and says which case
     * happened. A redeemed code wins whatever happens to its grant afterwards.
     */
    Redemption redeem(SecretHash hash, Instant at);

    /** What {@link #redeem} found. */
    sealed interface Redemption {
        /** This call redeemed the code; {@code code} is as it was issued. */
        record Redeemed(AuthorizationCode code) implements Redemption {
        }

        /** The code was redeemed before (a replay, or a retry); {@code code} carries the redemption time. */
        record AlreadyRedeemed(AuthorizationCode code) implements Redemption {
        }

        /** The code was not redeemed, and its grant was revoked: the code stays unredeemed and useless. */
        record GrantRevoked(AuthorizationCode code) implements Redemption {
        }

        /** No code has this hash. */
        record Unknown() implements Redemption {
        }
    }
}
