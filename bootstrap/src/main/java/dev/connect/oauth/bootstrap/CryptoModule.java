package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.adapter.crypto.CryptoAdapter;
import dev.connect.oauth.adapter.crypto.KeyEncryptionKey;
import dev.connect.oauth.adapter.crypto.PairwiseKeys;
import dev.connect.oauth.adapter.crypto.SealedClientSecrets;
import dev.connect.oauth.adapter.crypto.SigningKeys;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.ClientSecretSealer;
import dev.connect.oauth.application.port.out.DpopNonceCodec;
import dev.connect.oauth.application.port.out.DpopProofReader;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.IdTokenVerifier;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.ServerSecretRepository;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Signing, hashing and randomness from the crypto adapter, unless the embedding replaced them ({@link PortOverrides}). */
@Module
interface CryptoModule {
    /** The embedded default's key-encryption key file in the data folder. */
    String KEK_FILE = "kek";
    System.Logger LOG = System.getLogger(CryptoModule.class.getName());

    @Provides
    @Singleton
    static SigningKeys signingKeys(SigningKeyRepository repository, Clock clock, ServerConfig config,
                                   KeyEncryptionKey kek) {
        return CryptoAdapter.signingKeys(repository, clock, config.accessTokenTtl(), kek, config.previousKek());
    }

    /**
     * Pairwise {@code sub} values under {@code CONNECT_PAIRWISE_SECRET}, or else under a secret the
     * store keeps sealed with the same key-encryption key as the signing keys.
     */
    @Provides
    @Singleton
    static PairwiseKeys pairwiseKeys(ServerSecretRepository repository, Clock clock, ServerConfig config,
                                     KeyEncryptionKey kek) {
        return CryptoAdapter.pairwiseKeys(config.pairwiseSecret(), repository, clock, kek, config.previousKek());
    }

    @Provides
    static PairwiseSubjects pairwiseSubjects(PairwiseKeys keys) {
        return keys.subjects();
    }

    /** The key-encryption key: configured, or the embedded default's file. */
    @Provides
    @Singleton
    static KeyEncryptionKey kek(ServerConfig config) {
        return config.kek().orElseGet(() -> embeddedKek(config.dataDir()));
    }

    /** DPoP nonces under a key derived from the KEK, which every node of a fleet shares. */
    @Provides
    @Singleton
    static DpopNonceCodec dpopNonceCodec(KeyEncryptionKey kek, ServerConfig config) {
        return CryptoAdapter.dpopNonceCodec(kek, config.previousKek());
    }

    /** The secrets of client_secret_jwt clients, sealed like the signing keys. */
    @Provides
    @Singleton
    static SealedClientSecrets clientSecrets(KeyEncryptionKey kek, ServerConfig config) {
        return CryptoAdapter.clientSecretSealer(kek, config.previousKek());
    }

    @Provides
    static ClientSecretSealer clientSecretSealer(SealedClientSecrets secrets) {
        return secrets;
    }

    @Provides
    @Singleton
    static DpopProofReader dpopProofReader() {
        return CryptoAdapter.dpopProofReader();
    }

    /**
     * The embedded default's key-encryption key, kept beside the database in the data folder: made
     * on the first start (owner-only), read on the next ones. ServerConfig requires one for MySQL.
     */
    private static KeyEncryptionKey embeddedKek(Path dataDir) {
        Path file = dataDir.resolve(KEK_FILE);
        if (Files.exists(file)) {
            return KeyEncryptionKey.readFile(file);
        }
        KeyEncryptionKey created = KeyEncryptionKey.createFile(file);
        LOG.log(Level.INFO, "Generated the key-encryption key of the signing keys into {0} (owner-only); "
                + "keep it safe and apart from database backups, or set CONNECT_KEK", file);
        return created;
    }

    @Provides
    static AccessTokenCodec codec(SigningKeys keys, PortOverrides overrides) {
        return overrides.get(AccessTokenCodec.class).orElseGet(keys::codec);
    }

    @Provides
    static IdTokenSigner idTokenSigner(SigningKeys keys) {
        return keys.idTokenSigner();
    }

    @Provides
    static IdTokenVerifier idTokenVerifier(SigningKeys keys) {
        return keys.idTokenVerifier();
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher(ServerConfig config, PortOverrides overrides) {
        return overrides.get(PasswordHasher.class)
                .orElseGet(() -> CryptoAdapter.passwordHasher(config.passwordHashConcurrency()));
    }

    @Provides
    @Singleton
    static SecretHasher secretHasher(PortOverrides overrides) {
        return overrides.get(SecretHasher.class).orElseGet(CryptoAdapter::secretHasher);
    }

    @Provides
    @Singleton
    static ClientAssertionCodec clientAssertionCodec(PortOverrides overrides) {
        return overrides.get(ClientAssertionCodec.class).orElseGet(CryptoAdapter::clientAssertionCodec);
    }

    @Provides
    @Singleton
    static ClientKeysFetcher clientKeysFetcher(PortOverrides overrides) {
        return overrides.get(ClientKeysFetcher.class).orElseGet(CryptoAdapter::clientKeysFetcher);
    }

    @Provides
    @Singleton
    static SecretGenerator secretGenerator(PortOverrides overrides) {
        return overrides.get(SecretGenerator.class).orElseGet(CryptoAdapter::secretGenerator);
    }
}
