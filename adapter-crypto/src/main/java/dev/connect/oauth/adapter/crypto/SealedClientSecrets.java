package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ClientId;
import dev.connect.oauth.domain.SealedSecret;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets of {@code client_secret_jwt} clients sealed with the key-encryption key, like the
 * signing keys ({@link KeySealer}: AES-256-GCM, the current KEK or, during its rotation, the previous
 * one), bound to their client by the associated data {@code client_secret:<client id>}, so a sealed
 * secret copied into another client's row does not open. {@link #rewrap} is the client secrets'
 * part of {@code rewrap-keys}.
 */
public final class SealedClientSecrets implements ClientSecretSealer {
    private static final System.Logger LOG = System.getLogger(SealedClientSecrets.class.getName());

    private final KeySealer sealer;

    SealedClientSecrets(KeySealer sealer) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    @Override
    public SealedSecret seal(ClientId client, String secret) {
        return new SealedSecret(sealer.seal(associatedData(client), Objects.requireNonNull(secret, "secret")));
    }

    /** Empty, and a warning naming the client and key-encryption keys only, when it does not open here. */
    @Override
    public Optional<String> open(ClientId client, SealedSecret sealed) {
        try {
            return Optional.of(opened(client, sealed).plaintext());
        } catch (KeyEncryptionException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Seals every stored client secret sealed with the previous key-encryption key with the current
     * one. Each replacement is a compare-and-set, so a secret rotated meanwhile keeps its new value.
     *
     * @return how many secrets were sealed again
     * @throws KeyEncryptionException when a stored secret does not open with the current or previous key
     */
    public int rewrap(ClientRepository clients) {
        int resealed = 0;
        for (Client client : clients.findAll()) {
            if (client.sealedSecret().isEmpty()) {
                continue;
            }
            SealedSecret stored = client.sealedSecret().get();
            KeySealer.Opened opened = opened(client.id(), stored);
            if (opened.seal() == KeySealer.Seal.PREVIOUS
                    && clients.replaceSealedSecret(client.id(), stored, seal(client.id(), opened.plaintext()))) {
                resealed++;
            }
        }
        return resealed;
    }

    private KeySealer.Opened opened(ClientId client, SealedSecret sealed) {
        return sealer.open("The secret of client " + client.value(), associatedData(client), sealed.value());
    }

    private static String associatedData(ClientId client) {
        return "client_secret:" + client.value();
    }
}
