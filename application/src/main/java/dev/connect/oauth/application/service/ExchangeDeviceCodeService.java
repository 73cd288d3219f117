package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeCommand;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.IdTokenSigner;
import dev.connect.oauth.application.port.out.PairwiseSubjects;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=urn:ietf:params:oauth:grant-type:device_code}. Each poll of a live request is
 * recorded over the one before it (a conditional update): a poll sooner than the interval, or one
 * racing another poll, is {@code slow_down}, and the interval grows by 5 seconds (RFC 8628 §3.5).
 * Then the request answers for itself: {@code authorization_pending}, {@code access_denied},
 * {@code expired_token}; once approved, the tokens are issued as for a redeemed authorization code
 * (an access and a refresh token of the approval's grant, an ID token for {@code openid}) and stored
 * in the same write as the redemption, so of any number of polls, on any node, one gets them.
 * With a DPoP proof the tokens are bound to its key as at every grant (RFC 9449 §5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.4">RFC 8628 §3.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.5">RFC 8628 §3.5</a>
 */
public final class ExchangeDeviceCodeService implements ExchangeDeviceCodeUseCase {
    private final ClientAuthenticator authenticator;
    private final DeviceAuthorizationStore requests;
    private final GrantRepository grants;
    private final SecretHasher hasher;
    private final TokenIssuer issuer;
    private final IdTokens idTokens;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public ExchangeDeviceCodeService(ClientAuthenticator authenticator, DeviceAuthorizationStore requests, GrantRepository grants,
                                     TokenRepository tokens, AccessTokenCodec codec, SecretGenerator generator,
                                     SecretHasher hasher, Clock clock, OAuthPolicy policy, IdTokenSigner idTokenSigner,
                                     PairwiseSubjects pairwise, DpopProofs proofs) {
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = new TokenIssuer(tokens, codec, generator, hasher, policy);
        this.idTokens = new IdTokens(idTokenSigner, pairwise, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TokenResponse exchange(ExchangeDeviceCodeCommand command) {
        Client client = authenticator.authenticate(command.client());
        GrantTypes.requirePermitted(client, GrantType.DEVICE_CODE);
        String deviceCode = command.deviceCode().filter(value -> !value.isEmpty())
                .orElseThrow(() -> ErrorCode.INVALID_REQUEST.exception("device_code is required."));
        TokenIssuer.Minting minting = TokenIssuer.Minting.of(proofs.verify(command.dpop(), Optional.empty()), client);
        Instant now = clock.instant();
        SecretHash hash = hasher.hash(deviceCode);
        DeviceAuthorization request = requests.findByDeviceCode(hash, client.id())
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("Unknown device code."));
        if (request.redeemedAt().isEmpty() && !request.isExpired(now)) {
            DeviceAuthorization.Poll poll = request.poll(now);
            boolean recorded = requests.recordPoll(hash, request.lastPolledAt(), now, poll.next().interval());
            if (poll.tooSoon() || !recorded) {
                throw ErrorCode.SLOW_DOWN.exception();
            }
        }
        request.checkRedeemable(now);
        Grant grant = grants.findById(request.grantId().orElseThrow())
                .filter(Grant::isActive)
                .orElseThrow(() -> ErrorCode.INVALID_GRANT.exception("The authorization was revoked."));
        TokenIssuer.UnstoredPair pair = issuer.unstoredPair(grant, now, minting);
        if (!requests.redeemAndStore(hash, client.id(), now, pair.accessToken(), pair.refreshToken())) {
            throw ErrorCode.INVALID_GRANT.exception("The device code was already used.");
        }
        return idTokens.addTo(pair.response(), grant, client, IdTokens.Nonce.LEFT_OUT, now);
    }
}
