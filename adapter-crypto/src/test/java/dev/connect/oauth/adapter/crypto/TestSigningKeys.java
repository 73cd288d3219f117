package dev.connect.oauth.adapter.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.connect.oauth.application.port.out.SigningKey;
import dev.connect.oauth.application.port.out.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Stored signing keys made outside the adapter, as another node or an older release left them. */
final class TestSigningKeys {
    /** The key-encryption key of the tests' nodes. */
    static final KeyEncryptionKey KEK = KeyEncryptionKey.generate();

    private TestSigningKeys() {
    }

    /** A node's signing keys on {@code repository}, sealed with {@link #KEK}. */
    static SigningKeys node(SigningKeyRepository repository, Clock clock) {
        return CryptoAdapter.signingKeys(repository, clock, TestClaims.TTL, KEK, Optional.empty());
    }

    static ECKey p256() throws Exception {
        return new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate();
    }

    static SigningKey stored(ECKey key, Instant createdAt, Optional<Instant> retiredAt) {
        return new SigningKey(key.getKeyID(), "ES256", key.toJSONString(), createdAt, retiredAt);
    }
}
