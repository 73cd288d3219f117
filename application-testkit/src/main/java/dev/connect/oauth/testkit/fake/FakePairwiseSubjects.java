package dev.connect.oauth.testkit.fake;

import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.domain.AccountId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A FAKE {@link PairwiseSubjects}: an unkeyed SHA-256 of the sector and the account, base64url.
 * Deterministic and different per sector, as the port promises, but anyone can recompute it: tests only.
 */
public final class FakePairwiseSubjects implements PairwiseSubjects {
    @Override
    public String subject(String sectorIdentifier, AccountId account) {
        Objects.requireNonNull(sectorIdentifier, "sectorIdentifier");
        Objects.requireNonNull(account, "account");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((sectorIdentifier + "\0" + account.value()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
