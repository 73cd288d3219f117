package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.AccountId;

/**
 * Computes pairwise subject identifiers: the {@code sub} a client of subject type {@code pairwise}
 * sees for an account, the same for every client of one sector and unlinkable across sectors.
 * It must be deterministic and the same on every node (a keyed hash under one shared server
 * secret), or an account's {@code sub} would change between requests. Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#PairwiseAlg">OpenID Connect Core 1.0 §8.1</a>
 */
public interface PairwiseSubjects {
    /** The {@code sub} of {@code account} for clients of {@code sectorIdentifier}: printable ASCII, at most 255 characters. */
    String subject(String sectorIdentifier, AccountId account);
}
