package dev.connect.oauth.adapter.crypto;

import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.domain.AccountId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pairwise {@code sub} = base64url(HMAC-SHA-256(secret, sector ‖ 0x00 ‖ account id)), 43
 * characters: one keyed hash, so every node with the same secret computes the same value, and no
 * one without it can link two sectors' values. The 0x00 separator keeps two (sector, account)
 * pairs from ever hashing the same input (neither holds a NUL). The secret is loaded on first use.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#PairwiseAlg">OpenID Connect Core 1.0 §8.1</a>
 */
final class HmacPairwiseSubjects implements PairwiseSubjects {
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<PairwiseSecret> secret;
    private volatile SecretKeySpec key;

    HmacPairwiseSubjects(Supplier<PairwiseSecret> secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String subject(String sectorIdentifier, AccountId account) {
        Objects.requireNonNull(sectorIdentifier, "sectorIdentifier");
        Objects.requireNonNull(account, "account");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(sectorIdentifier.getBytes(StandardCharsets.UTF_8));
        input.write(0);
        input.writeBytes(account.value().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(secret.get().bytes(), ALGORITHM);
                }
                loaded = key;
            }
        }
        return loaded;
    }
}
