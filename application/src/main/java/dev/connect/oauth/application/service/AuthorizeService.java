package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationDenied;
import dev.connect.oauth.application.port.in.AuthorizationGranted;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizationResponse;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.AuthorizeUseCase;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.out.AccountRepository;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.AuthorizationCodeStore;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.AuthorizationCode;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.Grant;
import dev.connect.oauth.domain.GrantId;
import dev.connect.oauth.domain.OAuthException;
import dev.connect.oauth.domain.SecretHash;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides an authorization request: the request is checked again (the decision may come long
 * after the consent page was shown, from another node), and once: what is decided is what was
 * checked. A denial goes back to the client as {@code access_denied}. On approval the account's
 * consent is recorded as a new grant, with the authentication behind it (when the account signed
 * in, the request's {@code nonce}) for its ID tokens, and the code, 256 random bits kept only as
 * their hash, is bound to the client, redirect URI, scopes, account, PKCE challenge and the
 * resources the request indicated (RFC 8707).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 §10.10</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 */
public final class AuthorizeService implements AuthorizeUseCase {
    private final AuthorizationRequestChecker checker;
    private final AccountRepository accounts;
    private final GrantRepository grants;
    private final AuthorizationCodeStore codes;
    private final SecretGenerator generator;
    private final TimeOrderedIds grantIds;
    private final SecretHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final OAuthPolicy policy;

    @Inject
    public AuthorizeService(ClientRepository clients, AccountRepository accounts, GrantRepository grants,
                            AuthorizationCodeStore codes, SecretGenerator generator, SecretHasher hasher,
                            AuditLog auditLog, Clock clock, OAuthPolicy policy) {
        this.checker = new AuthorizationRequestChecker(clients, policy);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.grantIds = new TimeOrderedIds(generator);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public AuthorizationResponse authorize(AuthorizeCommand command) {
        CheckedAuthorization checked = checker.check(command.request());
        return switch (command.decision()) {
            case ConsentDecision.Approve approve -> grant(checked, command);
            case ConsentDecision.Deny deny -> new AuthorizationDenied(checked.redirectUri(), checked.state());
        };
    }

    /** The approval of {@code command}, whose request was checked as {@code checked}. */
    AuthorizationGranted grant(CheckedAuthorization checked, AuthorizeCommand command) {
        AccountId accountId = command.accountId();
        if (accounts.findById(accountId).isEmpty()) {
            throw new AuthorizationRedirectException(
                    ErrorCode.ACCESS_DENIED.exception("The account no longer exists."),
                    checked.redirectUri(), checked.state());
        }
        Instant now = clock.instant();
        Authentication authentication;
        try {
            authentication = new Authentication(command.signedInAt().orElse(now), command.nonce());
        } catch (OAuthException badNonce) {
            throw new AuthorizationRedirectException(badNonce, checked.redirectUri(), checked.state());
        }
        Grant grant = Grant.of(new GrantId(grantIds.next(now)), checked.client().id(),
                Optional.of(accountId), checked.scopes(), now).withAuthentication(authentication);
        grants.add(grant);
        String code = TokenKeys.newOpaque(now, generator, policy.timedTokenKeys());
        SecretHash key = TokenKeys.ofNew(code, hasher, policy.timedTokenKeys());
        codes.add(AuthorizationCode.issue(key, grant.id(), grant.clientId(), accountId, checked.redirectUri(),
                checked.scopes(), checked.challenge(), now, policy.codeTtl(), checked.dpopKey(), checked.resources()));
        audit.record(AuditEventType.AUTHORIZATION_GRANTED, Optional.of(accountId), Optional.of(grant.clientId()),
                "grant=" + grant.id() + " scope=" + grant.scopes(), now);
        return new AuthorizationGranted(checked.redirectUri(), code, checked.state());
    }
}
