package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.JtiStore;
import dev.connect.oauth.application.port.out.SecretHasher;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts each one-use JWT once across the fleet, on the shared {@link JtiStore}: a DPoP proof by
 * its key and {@code jti} (RFC 9449 §11.1), a client assertion by its client and {@code jti}
 * (RFC 7523 §3 item 7). The claim's key hashes the kind, the issuer and the {@code jti}, each
 * length-prefixed so that no two triples share a key, and lives until the JWT can no longer be
 * accepted anyway.
 */
final class JtiReplayGuard {
    /** What kind of one-use JWT a {@code jti} belongs to: the same {@code jti} in two kinds never clashes. */
    enum Kind {
        DPOP_PROOF, CLIENT_ASSERTION
    }

    private final JtiStore store;
    private final SecretHasher hasher;

    JtiReplayGuard(JtiStore store, SecretHasher hasher) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * Whether this is the first use of {@code jti} by {@code issuer} (a DPoP key's thumbprint, or a
     * client id) in {@code kind}; the use is then recorded until {@code acceptableUntil}.
     */
    boolean firstUse(Kind kind, String issuer, String jti, Instant now, Instant acceptableUntil) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jti, "jti");
        String key = kind.name() + ' ' + issuer.length() + ':' + issuer + ' ' + jti.length() + ':' + jti;
        return store.claim(hasher.hash(key), now, acceptableUntil);
    }
}
