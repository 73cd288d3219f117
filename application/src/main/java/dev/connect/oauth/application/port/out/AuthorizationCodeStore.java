package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccessToken;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.RefreshToken;
import dev.connect.oauth.domain.SecretHash;
import java.time.Instant;
import java.util.Optional;

/**
 * Issued authorization codes, by the hash of the code.
 *
 * <p>Atomicity: {@link #redeem} returns {@link Redemption.Redeemed} at most once per code across
 * every node sharing the store, however many redeem it at the same moment (a conditional update,
 * never read-then-write). Whether the code's grant still stands is part of that one step, so the
 * store, not the clocks of the nodes, orders a redemption and a revocation of its grant: a code
 * redeemed before its grant was revoked stays redeemed (the revocation kills the tokens issued
 * from it afterwards, RFC 6749 §4.1.2), and one presented after is refused. The client presenting
 * the code is part of it too: a code presented by any other client is {@link Redemption.Unknown}
 * to it and stays as it was, so a leaked code cannot be burned, nor its grant revoked, by a stranger.
 * {@link #redeemAndStore} is that same step and the storing of the tokens issued for the code, all
 * or nothing, and durable when it returns.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public interface AuthorizationCodeStore {
    void add(AuthorizationCode code);

    /**
     * Marks the code redeemed if it was issued to {@code presenter} and was neither redeemed nor its
     * grant revoked, and says which case happened. A redeemed code wins whatever happens to its
     * grant afterwards.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
     */
    Redemption redeem(SecretHash hash, ClientId presenter, Instant at);

    /**
     * The code as stored, if it was issued to {@code presenter}: read without redeeming it, so the
     * tokens can be made before {@link #redeemAndStore}. Its redemption may change at any moment.
     */
    Optional<AuthorizationCode> find(SecretHash hash, ClientId presenter);

    /**
     * {@link #redeem} and, only if this call redeemed the code, the storing of the tokens issued for
     * it, in one step: either the code is redeemed and both tokens stored, or nothing is written.
     *
     * @return whether this call redeemed the code; when false, {@link #redeem} tells what stood in the way
     */
    boolean redeemAndStore(SecretHash hash, ClientId presenter, Instant at, AccessToken accessToken,
                           RefreshToken refreshToken);

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

        /** No code has this hash, or it was issued to another client than the presenter. */
        record Unknown() implements Redemption {
        }
    }
}
