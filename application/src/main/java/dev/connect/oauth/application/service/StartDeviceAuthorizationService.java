package dev.connect.oauth.application.service;

import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.port.in.DeviceAuthorizationStarted;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationCommand;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.out.DeviceAuthorizationStore;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.GrantType;
import dev.connect.oauth.domain.DeviceAuthorization;
import dev.connect.oauth.domain.OpenIdScopes;
import dev.connect.oauth.domain.ScopeSet;
import dev.connect.oauth.domain.UserCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts a device authorization request: the client authenticates as at the token endpoint, its
 * scope resolves as in an authorization request ({@code openid} and the other OpenID scopes may be
 * asked for), and the request is stored with a 256-bit device code and a fresh user code, both
 * kept only as hashes (the user code's hash is unique: a taken one is drawn again).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.1">RFC 8628 §3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.2">RFC 8628 §3.2</a>
 */
public final class StartDeviceAuthorizationService implements StartDeviceAuthorizationUseCase {
    /** Draws of a user code before giving up: each collides with a live one with odds of about 10^-6 at most. */
    private static final int MAX_DRAWS = 16;

    private final ClientAuthenticator authenticator;
    private final DeviceAuthorizationStore requests;
    private final SecretGenerator generator;
    private final SecretHasher hasher;
    private final Clock clock;
    private final OAuthPolicy policy;

    @Inject
    public StartDeviceAuthorizationService(ClientAuthenticator authenticator, DeviceAuthorizationStore requests,
                                           SecretGenerator generator, SecretHasher hasher, Clock clock,
                                           OAuthPolicy policy) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public DeviceAuthorizationStarted start(StartDeviceAuthorizationCommand command) {
        Client client = authenticator.authenticate(command.client());
        GrantTypes.requirePermitted(client, GrantType.DEVICE_CODE);
        ScopeSet scopes = client.resolveScopes(command.scope(), OpenIdScopes.ALWAYS_AVAILABLE);
        Instant now = clock.instant();
        String deviceCode = generator.secret();
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Optional<UserCode> userCode = UserCode.from(generator.secret());
            if (userCode.isEmpty()) {
                continue;
            }
            DeviceAuthorization request = DeviceAuthorization.issue(hasher.hash(deviceCode),
                    UserCodes.hash(hasher, userCode.get()), client.id(), scopes, now, policy.deviceCodeTtl(),
                    policy.deviceInterval());
            if (requests.add(request)) {
                return new DeviceAuthorizationStarted(deviceCode, userCode.get(), policy.deviceCodeTtl(),
                        policy.deviceInterval());
            }
        }
        throw new IllegalStateException("No free user code in " + MAX_DRAWS + " draws: is the random source broken?");
    }
}
