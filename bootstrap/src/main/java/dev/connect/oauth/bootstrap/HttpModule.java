package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.adapter.http.HttpAdapter;
import dev.connect.oauth.adapter.http.HttpSettings;
import dev.connect.oauth.adapter.http.HttpTelemetry;
import dev.connect.oauth.adapter.http.HttpUseCases;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.port.in.AuthenticateApiKeyUseCase;
import dev.connect.oauth.application.port.in.AuthorizeUseCase;
import dev.connect.oauth.application.port.in.CheckAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.CheckMaintenanceUseCase;
import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.in.CreateAccountUseCase;
import dev.connect.oauth.application.port.in.DeleteClientUseCase;
import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.DisconnectClientUseCase;
import dev.connect.oauth.application.port.in.EndSessionUseCase;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.GetClientUseCase;
import dev.connect.oauth.application.port.in.GetDpopParametersUseCase;
import dev.connect.oauth.application.port.in.GetJwkSetUseCase;
import dev.connect.oauth.application.port.in.GetUserInfoUseCase;
import dev.connect.oauth.application.port.in.IntrospectTokenUseCase;
import dev.connect.oauth.application.port.in.InvalidateTokenUseCase;
import dev.connect.oauth.application.port.in.IssueApiKeyUseCase;
import dev.connect.oauth.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.connect.oauth.application.port.in.LimitClientFailuresUseCase;
import dev.connect.oauth.application.port.in.ListClientsUseCase;
import dev.connect.oauth.application.port.in.ListConnectionsUseCase;
import dev.connect.oauth.application.port.in.PlanAuthorizationUseCase;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.RefreshTokenUseCase;
import dev.connect.oauth.application.port.in.ManageClientRegistrationUseCase;
import dev.connect.oauth.application.port.in.RegisterClientDynamicallyUseCase;
import dev.connect.oauth.application.port.in.RegisterClientUseCase;
import dev.connect.oauth.application.port.in.ResolvePushedRequestUseCase;
import dev.connect.oauth.application.port.in.ResolveSessionUseCase;
import dev.connect.oauth.application.port.in.ResolveSignInUseCase;
import dev.connect.oauth.application.port.in.ReturnAfterSignInUseCase;
import dev.connect.oauth.application.port.in.RevokeApiKeyUseCase;
import dev.connect.oauth.application.port.in.RevokeTokenUseCase;
import dev.connect.oauth.application.port.in.RotateClientSecretUseCase;
import dev.connect.oauth.application.port.in.SignInUseCase;
import dev.connect.oauth.application.port.in.SignOutUseCase;
import dev.connect.oauth.application.port.in.SwitchMaintenanceUseCase;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeUseCase;
import dev.connect.oauth.application.port.in.FindDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationUseCase;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The HTTP adapter over every in-port, with its settings from the configuration. */
@Module
interface HttpModule {
    @Provides
    @Singleton
    static HttpSettings settings(ServerConfig config, OAuthPolicy policy, PushedRequestPolicy pushedRequests, Clock clock) {
        return HttpSettings.builder(policy)
                .versions(config.latestApiVersion(), config.minimumApiVersion())
                .maintenance(config.maintenance())
                .tokenPerClient(HttpSettings.RateLimit.perMinute(config.tokenRequestsPerMinute()))
                // Use cases beyond the pool would only queue for a connection, so bound them near it.
                .maxConcurrentUseCases(config.dbPoolSize() * 4)
                .clock(clock)
                .corsOrigins(config.corsOrigins())
                .trustedProxies(config.trustedProxies())
                .timeouts(config.httpTimeouts())
                .requirePushedAuthorizationRequests(pushedRequests.requiredForAllClients())
                .build();
    }

    @Provides
    @Singleton
    static HttpAdapter http(HttpUseCases useCases, HttpSettings settings, Telemetry telemetry) {
        return new HttpAdapter(useCases, settings, new HttpTelemetry(telemetry.meters(), telemetry.openTelemetry()));
    }

    @Provides
    static HttpUseCases useCases(
            CheckAuthorizationRequestUseCase checkAuthorizationRequest, AuthorizeUseCase authorize,
            ExchangeCodeUseCase exchangeCode, RefreshTokenUseCase refreshToken,
            IssueClientCredentialsTokenUseCase issueClientCredentialsToken, DescribeTokenUseCase describeToken,
            InvalidateTokenUseCase invalidateToken, RevokeTokenUseCase revokeToken,
            IntrospectTokenUseCase introspectToken, GetJwkSetUseCase getJwkSet, SignInUseCase signIn,
            ResolveSessionUseCase resolveSession, SignOutUseCase signOut, AuthenticateApiKeyUseCase authenticateApiKey,
            CreateAccountUseCase createAccount, IssueApiKeyUseCase issueApiKey, RevokeApiKeyUseCase revokeApiKey,
            ListConnectionsUseCase listConnections, DisconnectClientUseCase disconnectClient,
            RegisterClientUseCase registerClient, ListClientsUseCase listClients, GetClientUseCase getClient,
            RotateClientSecretUseCase rotateClientSecret, DeleteClientUseCase deleteClient,
            CheckReadinessUseCase checkReadiness, CheckMaintenanceUseCase checkMaintenance,
            SwitchMaintenanceUseCase switchMaintenance, LimitClientFailuresUseCase limitClientFailures,
            ResolveSignInUseCase resolveSignIn, GetUserInfoUseCase getUserInfo,
            PlanAuthorizationUseCase planAuthorization, EndSessionUseCase endSession,
            PushAuthorizationRequestUseCase pushAuthorizationRequest, ResolvePushedRequestUseCase resolvePushedRequest,
            ReturnAfterSignInUseCase returnAfterSignIn,
            StartDeviceAuthorizationUseCase startDeviceAuthorization, ExchangeDeviceCodeUseCase exchangeDeviceCode,
            FindDeviceAuthorizationUseCase findDeviceAuthorization,
            DecideDeviceAuthorizationUseCase decideDeviceAuthorization, GetDpopParametersUseCase dpopParameters,
            RegisterClientDynamicallyUseCase registerClientDynamically,
            ManageClientRegistrationUseCase manageClientRegistration) {
        return new HttpUseCases(checkAuthorizationRequest, authorize, exchangeCode, refreshToken,
                issueClientCredentialsToken, describeToken, invalidateToken, revokeToken, introspectToken, getJwkSet,
                signIn, resolveSession, signOut, authenticateApiKey, createAccount, issueApiKey, revokeApiKey, listConnections,
                disconnectClient, registerClient, listClients, getClient, rotateClientSecret, deleteClient,
                checkReadiness, checkMaintenance, switchMaintenance, limitClientFailures, resolveSignIn, getUserInfo,
                planAuthorization, endSession, pushAuthorizationRequest, resolvePushedRequest, returnAfterSignIn,
                startDeviceAuthorization, exchangeDeviceCode, findDeviceAuthorization, decideDeviceAuthorization,
                dpopParameters, registerClientDynamically, manageClientRegistration);
    }
}
