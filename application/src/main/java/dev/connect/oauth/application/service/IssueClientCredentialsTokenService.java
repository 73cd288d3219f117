package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.ClientCredentialsCommand;
import dev.connect.oauth.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.connect.oauth.application.port.in.TokenResponse;
import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.TokenRepository;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.ResourceSet;
import dev.connect.oauth.domain.GrantId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=client_credentials}: a confidential client acting for itself gets an access
 * token whose subject is the client, with no refresh token. Each issue records a grant with no
 * account, so that deleting the client revokes these tokens like any other; the grant and its token
 * are stored in one step. With {@code resource} (RFC 8707), the token is for those of the
 * client's registered resources; without, for the default audience. With a DPoP proof the token
 * is bound to the proof's key (RFC 9449 §5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
public final class IssueClientCredentialsTokenService implements IssueClientCredentialsTokenUseCase {
    private final ClientAuthenticator authenticator;
    private final TimeOrderedIds grantIds;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final DpopProofs proofs;

    @Inject
    public IssueClientCredentialsTokenService(ClientAuthenticator authenticator, TokenRepository tokens, AccessTokenCodec codec,
                                              SecretGenerator generator, SecretHasher hasher, Clock clock,
                                              OAuthPolicy policy, DpopProofs proofs) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.grantIds = new TimeOrderedIds(generator);
        this.issuer = new TokenIssuer(tokens, codec, generator, hasher, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.proofs = Objects.requireNonNull(proofs, "proofs");
    }

    @Override
    public TokenResponse issue(ClientCredentialsCommand command) {
        Client client = authenticator.authenticate(command.client());
        if (client.isPublic()) {
            // RFC 6749 §4.4: the client credentials grant is for confidential clients only.
            throw ErrorCode.UNAUTHORIZED_CLIENT.exception("A public client cannot use client_credentials.");
        }
        GrantTypes.requirePermitted(client, GrantType.CLIENT_CREDENTIALS);
        TokenIssuer.Minting minting = TokenIssuer.Minting.of(proofs.verify(command.dpop(), Optional.empty()), client);
        // RFC 8707 §2: resources the client registered, else invalid_target.
        ResourceSet resources = command.resources().isEmpty() ? ResourceSet.NONE
                : client.openId().resources().narrow(command.resources());
        Instant now = clock.instant();
        Grant grant = Grant.of(new GrantId(grantIds.next(now)), client.id(), Optional.empty(),
                client.resolveScopes(command.scope()), now);
        return issuer.accessOnly(grant, resources, now, minting);
    }
}
