package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.AuthorizationPlan;
import dev.connect.oauth.application.port.in.AuthorizationRedirectException;
import dev.connect.oauth.application.port.in.AuthorizeCommand;
import dev.connect.oauth.application.port.in.CheckedAuthorization;
import dev.connect.oauth.application.port.in.ConsentDecision;
import dev.connect.oauth.application.port.in.PlanAuthorizationCommand;
import dev.connect.oauth.application.port.in.PlanAuthorizationUseCase;
import dev.connect.oauth.application.port.in.SignedInAccount;
import dev.connect.oauth.application.port.out.ClientRepository;
import dev.connect.oauth.application.port.out.GrantRepository;
import dev.connect.oauth.domain.Authentication;
import dev.connect.oauth.domain.AuthenticationRequirement;
import dev.connect.oauth.domain.OAuthException;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser flow's decision: check the request, then sign-in when there is no session or
 * {@code prompt}/{@code max_age} refuse it, consent when the account never approved this client
 * for these scopes (or {@code prompt=consent}), and otherwise the code at once. A request without
 * {@code max_age} gets the client's registered {@code default_max_age}. Consent is
 * remembered as the account's active grants: one of this client covering the requested scopes
 * counts, and disconnecting the client (which revokes its grants) forgets it.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core 1.0 §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OpenID Connect Core 1.0 §3.1.2.4</a>
 */
public final class PlanAuthorizationService implements PlanAuthorizationUseCase {
    private final AuthorizationRequestChecker checker;
    private final ResolveSessionService sessions;
    private final GrantRepository grants;
    private final AuthorizeService authorize;
    private final Clock clock;

    @Inject
    public PlanAuthorizationService(ClientRepository clients, GrantRepository grants, ResolveSessionService sessions,
                                    AuthorizeService authorize, Clock clock, OAuthPolicy policy) {
        this.checker = new AuthorizationRequestChecker(clients, policy);
        this.grants = Objects.requireNonNull(grants, "grants");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthorizationPlan plan(PlanAuthorizationCommand command) {
        CheckedAuthorization checked = checker.check(command.request());
        Optional<SignedInAccount> session = sessions.signedIn(command.sessionToken());
        Instant now = clock.instant();
        try {
            command.openId().nonce().ifPresent(Authentication::checkNonce);
            AuthenticationRequirement requirement = AuthenticationRequirement.parse(command.openId().prompt(),
                    command.openId().maxAge()).orDefaultMaxAge(checked.client().openId().defaultMaxAge());
            if (requirement.requiresSignIn(session.map(SignedInAccount::signedInAt), now)) {
                return new AuthorizationPlan.SignIn(checked);
            }
            if (requirement.requiresConsent(consentedBefore(checked, session.orElseThrow()))) {
                return new AuthorizationPlan.Consent(checked, session.orElseThrow().account());
            }
        } catch (OAuthException refused) {
            throw new AuthorizationRedirectException(refused, checked.redirectUri(), checked.state());
        }
        SignedInAccount signedIn = session.orElseThrow();
        return new AuthorizationPlan.Approved(authorize.grant(checked, new AuthorizeCommand(command.request(),
                signedIn.account().id(), ConsentDecision.APPROVE, command.openId().nonce(),
                Optional.of(signedIn.signedInAt()))));
    }

    private boolean consentedBefore(CheckedAuthorization checked, SignedInAccount signedIn) {
        return grants.findActiveByAccount(signedIn.account().id()).stream()
                .anyMatch(grant -> grant.clientId().equals(checked.client().id())
                        && grant.scopes().containsAll(checked.scopes()));
    }
}
