package dev.connect.oauth.adapter.http;

import dev.connect.oauth.application.port.in.AuthenticateApiKeyUseCase;
import dev.connect.oauth.application.port.in.AuthorizeUseCase;
import dev.connect.oauth.application.port.in.CheckAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.CheckMaintenanceUseCase;
import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.in.CreateAccountUseCase;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.DeleteClientUseCase;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeUseCase;
import dev.connect.oauth.application.port.in.FindDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationUseCase;
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
import java.util.Objects;

/**
 * Every in-port the HTTP adapter calls. The handlers only parse, call one of these and render;
 * every rule lives behind them.
 */
public record HttpUseCases(
        // OAuth 2.0 (API.md §3)
        CheckAuthorizationRequestUseCase checkAuthorizationRequest,
        AuthorizeUseCase authorize,
        ExchangeCodeUseCase exchangeCode,
        RefreshTokenUseCase refreshToken,
        IssueClientCredentialsTokenUseCase issueClientCredentialsToken,
        DescribeTokenUseCase describeToken,
        InvalidateTokenUseCase invalidateToken,
        RevokeTokenUseCase revokeToken,
        IntrospectTokenUseCase introspectToken,
        GetJwkSetUseCase getJwkSet,
        // Browser sign-in
        SignInUseCase signIn,
        ResolveSessionUseCase resolveSession,
        SignOutUseCase signOut,
        // Account and client API v1 (API.md §4)
        AuthenticateApiKeyUseCase authenticateApiKey,
        CreateAccountUseCase createAccount,
        IssueApiKeyUseCase issueApiKey,
        RevokeApiKeyUseCase revokeApiKey,
        ListConnectionsUseCase listConnections,
        DisconnectClientUseCase disconnectClient,
        RegisterClientUseCase registerClient,
        ListClientsUseCase listClients,
        GetClientUseCase getClient,
        RotateClientSecretUseCase rotateClientSecret,
        DeleteClientUseCase deleteClient,
        // Operations (API.md §5)
        CheckReadinessUseCase checkReadiness,
        CheckMaintenanceUseCase checkMaintenance,
        SwitchMaintenanceUseCase switchMaintenance,
        // Abuse limits of the token endpoint
        LimitClientFailuresUseCase limitClientFailures,
        // OpenID Connect
        ResolveSignInUseCase resolveSignIn,
        GetUserInfoUseCase getUserInfo,
        PlanAuthorizationUseCase planAuthorization,
        EndSessionUseCase endSession,
        // Pushed authorization requests (RFC 9126)
        PushAuthorizationRequestUseCase pushAuthorizationRequest,
        ResolvePushedRequestUseCase resolvePushedRequest,
        ReturnAfterSignInUseCase returnAfterSignIn,
        // Device Authorization Grant (RFC 8628)
        StartDeviceAuthorizationUseCase startDeviceAuthorization,
        ExchangeDeviceCodeUseCase exchangeDeviceCode,
        FindDeviceAuthorizationUseCase findDeviceAuthorization,
        DecideDeviceAuthorizationUseCase decideDeviceAuthorization,
        // DPoP (RFC 9449)
        GetDpopParametersUseCase dpopParameters,
        // Dynamic client registration (RFC 7591/7592)
        RegisterClientDynamicallyUseCase registerClientDynamically,
        ManageClientRegistrationUseCase manageClientRegistration) {
    public HttpUseCases {
        Objects.requireNonNull(checkAuthorizationRequest, "checkAuthorizationRequest");
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(exchangeCode, "exchangeCode");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(issueClientCredentialsToken, "issueClientCredentialsToken");
        Objects.requireNonNull(describeToken, "describeToken");
        Objects.requireNonNull(invalidateToken, "invalidateToken");
        Objects.requireNonNull(revokeToken, "revokeToken");
        Objects.requireNonNull(introspectToken, "introspectToken");
        Objects.requireNonNull(getJwkSet, "getJwkSet");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(resolveSession, "resolveSession");
        Objects.requireNonNull(signOut, "signOut");
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(createAccount, "createAccount");
        Objects.requireNonNull(issueApiKey, "issueApiKey");
        Objects.requireNonNull(revokeApiKey, "revokeApiKey");
        Objects.requireNonNull(listConnections, "listConnections");
        Objects.requireNonNull(disconnectClient, "disconnectClient");
        Objects.requireNonNull(registerClient, "registerClient");
        Objects.requireNonNull(listClients, "listClients");
        Objects.requireNonNull(getClient, "getClient");
        Objects.requireNonNull(rotateClientSecret, "rotateClientSecret");
        Objects.requireNonNull(deleteClient, "deleteClient");
        Objects.requireNonNull(checkReadiness, "checkReadiness");
        Objects.requireNonNull(checkMaintenance, "checkMaintenance");
        Objects.requireNonNull(switchMaintenance, "switchMaintenance");
        Objects.requireNonNull(limitClientFailures, "limitClientFailures");
        Objects.requireNonNull(resolveSignIn, "resolveSignIn");
        Objects.requireNonNull(getUserInfo, "getUserInfo");
        Objects.requireNonNull(planAuthorization, "planAuthorization");
        Objects.requireNonNull(endSession, "endSession");
        Objects.requireNonNull(pushAuthorizationRequest, "pushAuthorizationRequest");
        Objects.requireNonNull(resolvePushedRequest, "resolvePushedRequest");
        Objects.requireNonNull(returnAfterSignIn, "returnAfterSignIn");
        Objects.requireNonNull(startDeviceAuthorization, "startDeviceAuthorization");
        Objects.requireNonNull(exchangeDeviceCode, "exchangeDeviceCode");
        Objects.requireNonNull(findDeviceAuthorization, "findDeviceAuthorization");
        Objects.requireNonNull(decideDeviceAuthorization, "decideDeviceAuthorization");
        Objects.requireNonNull(dpopParameters, "dpopParameters");
        Objects.requireNonNull(registerClientDynamically, "registerClientDynamically");
        Objects.requireNonNull(manageClientRegistration, "manageClientRegistration");
    }
}
