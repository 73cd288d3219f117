package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientAuthMethod;
import dev.connect.oauth.domain.ClientAuthSettings;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import dev.connect.oauth.domain.SecretHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Issuing and checking client secrets, for registration and rotation alike: a secret method gets a
 * fresh secret kept as its hash ({@code client_secret_basic}, {@code client_secret_post}) or sealed
 * ({@code client_secret_jwt}, whose HMAC needs the secret itself). A {@code client_secret_jwt}
 * secret is two generated secrets (512 random bits, 86 characters), so that it keys every HMAC
 * algorithm, HS512 included (RFC 7518 §3.2: a key at least as long as the hash).
 */
final class ClientSecrets {
    /** A new secret, shown once, and what the client record keeps of it. */
    record Issued(String secret, Optional<SecretHash> hash, Optional<SealedSecret> sealed) {
    }

    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final ClientSecretSealer sealer;

    ClientSecrets(SecretGenerator generator, SecretHasher hasher, ClientSecretSealer sealer) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** A secret for client {@code id} authenticating by {@code auth}; empty for the methods without one. */
    Optional<Issued> issue(ClientId id, ClientAuthSettings auth) {
        if (auth.method().usesSecretHash()) {
            String secret = generator.secret();
            return Optional.of(new Issued(secret, Optional.of(hasher.hash(secret)), Optional.empty()));
        }
        if (auth.method() == ClientAuthMethod.CLIENT_SECRET_JWT) {
            String secret = generator.secret() + generator.secret();
            auth.requireSecretFits(secret);
            return Optional.of(new Issued(secret, Optional.empty(), Optional.of(sealer.seal(id, secret))));
        }
        return Optional.empty();
    }

    /** Whether {@code presented} is {@code client}'s secret, whichever way it is kept; constant time. */
    boolean matches(Client client, String presented) {
        if (client.secretHash().isPresent()) {
            return hasher.matches(presented, client.secretHash().get());
        }
        return opened(sealer, client).filter(secret -> MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    /** The plain secret of a {@code client_secret_jwt} client; empty when it has none or it does not open here. */
    static Optional<String> opened(ClientSecretSealer sealer, Client client) {
        return client.sealedSecret().flatMap(sealed -> sealer.open(client.id(), sealed));
    }
}
