package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.ClientCredentials;
import dev.connect.oauth.application.port.in.DeviceAuthorizationStarted;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationCommand;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /oauth/device_authorization} (RFC 8628 §3.1, §3.2): a form (or JSON) body, the
 * client authenticated as at the token endpoint, under the same failed-authentication limit. The
 * answer names the verification page, {@code <issuer>/device}, and the same page with the user code
 * filled in, for a device that shows a QR code.
 */
final class DeviceAuthorizationEndpoint {
    static final String VERIFICATION_PATH = "/device";

    private final HttpUseCases useCases;
    private final UseCaseExecutor executor;
    private final ClientAuthenticationLimit failures;
    private final String verificationUri;

    DeviceAuthorizationEndpoint(HttpUseCases useCases, UseCaseExecutor executor, ClientAuthenticationLimit failures,
                                String issuer) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.verificationUri = Objects.requireNonNull(issuer, "issuer") + VERIFICATION_PATH;
    }

    void start(RoutingContext ctx) {
        Parameters params = Parameters.fromBody(ctx).requireNoRepeats();
        ClientCredentials client = ClientAuthentication.credentials(ctx, params);
        executor.call(ctx, failures.guard(ctx, client, () -> useCases.startDeviceAuthorization().start(
                new StartDeviceAuthorizationCommand(client, params.get("scope")))),
                started -> Replies.json(ctx, 200, json(started)));
    }

    private JsonObject json(DeviceAuthorizationStarted started) {
        return new JsonObject()
                .put("device_code", started.deviceCode())
                .put("user_code", started.userCode().display())
                .put("verification_uri", verificationUri)
                .put("verification_uri_complete", AuthorizationResponses.location(verificationUri,
                        List.of(Map.entry("user_code", started.userCode().display()))))
                .put("expires_in", started.expiresIn().toSeconds())
                .put("interval", started.interval().toSeconds());
    }
}
