package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ExchangeCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore.Redemption;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=authorization_code}: redeems a code for an access and a refresh token. The
 * store redeems a code at most once, so of any number of concurrent requests one wins; a code
 * presented again is a replay, and the grant it created is revoked with every token issued from it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
public final class ExchangeCodeService implements ExchangeCodeUseCase {
    private final ClientAuthenticator authenticator;
    private final AuthorizationCodeStore codes;
    private final GrantRepository grants;
    private final SecretHasher hasher;
    private final TokenIssuer issuer;
    private final ReplayedGrant replayed;
    private final Clock clock;

    @Inject
    public ExchangeCodeService(ClientRepository clients, AuthorizationCodeStore codes, GrantRepository grants,
                               TokenRepository tokens, AccessTokenCodec codec, SecretGenerator generator,
                               SecretHasher hasher, AuditLog auditLog, Clock clock, OAuthPolicy policy) {
        this.authenticator = new ClientAuthenticator(clients, hasher);
        this.codes = Objects.requireNonNull(codes, "codes");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = new TokenIssuer(tokens, codec, generator, hasher, policy);
        this.replayed = new ReplayedGrant(grants, auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenResponse exchange(ExchangeCodeCommand command) {
        Client client = authenticator.authenticate(command.client());
        if (command.code() == null || command.code().isEmpty()) {
            throw ErrorCode.INVALID_REQUEST.exception("code is required.");
        }
        Instant now = clock.instant();
        AuthorizationCode code = switch (codes.redeem(hasher.hash(command.code()), now)) {
            case Redemption.Redeemed redeemed -> redeemed.code();
            case Redemption.AlreadyRedeemed replay -> throw replayed.revoke(AuditTrail.CODE_REPLAYED,
                    replay.code().grantId(), replay.code().clientId(), Optional.of(replay.code().accountId()),
                    "The authorization code was already used.", now);
            case Redemption.Unknown unknown -> throw ErrorCode.INVALID_GRANT.exception("Unknown authorization code.");
        };
        code.checkRedemption(client.id(), command.redirectUri(), command.codeVerifier(), now);
        // A grant revoked before this redemption (the account disconnected the client) takes its code
        // with it. One revoked since was revoked by a concurrent replay of this very code: its tokens
        // are still issued to the one redemption that won, and are dead on arrival, as §4.1.2 wants.
        Grant grant = grants.findById(code.grantId())
                .filter(found -> found.revokedAt().filter(revokedAt -> revokedAt.isBefore(now)).isEmpty())
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("The authorization was revoked."));
        return issuer.withRefreshToken(grant, code.scopes(), now);
    }
}
