package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.adapter.crypto.CryptoAdapter;
import dev.connect.oauth.adapter.crypto.SigningKeys;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Signing, hashing and randomness from the crypto adapter. */
@Module
interface CryptoModule {
    @Provides
    @Singleton
    static SigningKeys signingKeys(SigningKeyRepository repository, Clock clock, ServerConfig config) {
        return CryptoAdapter.signingKeys(repository, clock, config.accessTokenTtl());
    }

    @Provides
    static AccessTokenCodec codec(SigningKeys keys) {
        return keys.codec();
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher() {
        return CryptoAdapter.passwordHasher();
    }

    @Provides
    @Singleton
    static SecretHasher secretHasher() {
        return CryptoAdapter.secretHasher();
    }

    @Provides
    @Singleton
    static SecretGenerator secretGenerator() {
        return CryptoAdapter.secretGenerator();
    }
}
