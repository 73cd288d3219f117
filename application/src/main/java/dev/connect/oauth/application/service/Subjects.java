package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.SubjectType;
import java.util.Objects;

/**
 * The {@code sub} a client sees for an account (OpenID Connect Core §8): the account id for a
 * {@code public} client, a pairwise value for its {@link Client#pairwiseSector() sector} otherwise.
 * One rule for every place that shows it: ID tokens, UserInfo, introspection and the
 * {@code id_token_hint} of logout. Access tokens keep the account id, which the resource servers
 * behind the default audience key their data by.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#SubjectIDTypes">OpenID Connect Core 1.0 §8</a>
 */
final class Subjects {
    private final PairwiseSubjects pairwise;

    Subjects(PairwiseSubjects pairwise) {
        this.pairwise = Objects.requireNonNull(pairwise, "pairwise");
    }

    String of(Client client, AccountId account) {
        Objects.requireNonNull(account, "account");
        return client.openId().subjectType() == SubjectType.PAIRWISE
                ? pairwise.subject(client.pairwiseSector(), account)
                : account.value();
    }
}
