package dev.connect.oauth.bootstrap;

import dagger.Binds;
import dagger.Module;
import dev.connect.oauth.application.port.in.AuthenticateApiKeyUseCase;
import dev.connect.oauth.application.port.in.AuthorizeUseCase;
import dev.connect.oauth.application.port.in.BootstrapAdminUseCase;
import dev.connect.oauth.application.port.in.CheckAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.CheckMaintenanceUseCase;
import dev.connect.oauth.application.port.in.CheckReadinessUseCase;
import dev.connect.oauth.application.port.in.CreateAccountUseCase;
import dev.connect.oauth.application.port.in.DeleteClientUseCase;
import dev.connect.oauth.application.port.in.DescribeTokenUseCase;
import dev.connect.oauth.application.port.in.GetDpopParametersUseCase;
import dev.connect.oauth.application.port.in.DisconnectClientUseCase;
import dev.connect.oauth.application.port.in.EndSessionUseCase;
import dev.connect.oauth.application.port.in.ExchangeCodeUseCase;
import dev.connect.oauth.application.port.in.GetClientUseCase;
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
import dev.connect.oauth.application.port.in.PurgeExpiredDataUseCase;
import dev.connect.oauth.application.port.in.PurgeShortLivedRecordsUseCase;
import dev.connect.oauth.application.port.in.PushAuthorizationRequestUseCase;
import dev.connect.oauth.application.port.in.RefreshMaintenanceUseCase;
import dev.connect.oauth.application.port.in.RefreshRevocationsUseCase;
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
import dev.connect.oauth.application.service.AuthenticateApiKeyService;
import dev.connect.oauth.application.service.AuthorizeService;
import dev.connect.oauth.application.service.BootstrapAdminService;
import dev.connect.oauth.application.service.CheckAuthorizationRequestService;
import dev.connect.oauth.application.service.CheckReadinessService;
import dev.connect.oauth.application.service.ClientFailureLimitService;
import dev.connect.oauth.application.service.CreateAccountService;
import dev.connect.oauth.application.service.DeleteClientService;
import dev.connect.oauth.application.service.DescribeTokenService;
import dev.connect.oauth.application.service.DynamicClientRegistrationService;
import dev.connect.oauth.application.service.DisconnectClientService;
import dev.connect.oauth.application.service.EndSessionService;
import dev.connect.oauth.application.service.ExchangeCodeService;
import dev.connect.oauth.application.service.GetClientService;
import dev.connect.oauth.application.service.GetJwkSetService;
import dev.connect.oauth.application.service.GetUserInfoService;
import dev.connect.oauth.application.service.IntrospectTokenService;
import dev.connect.oauth.application.service.InvalidateTokenService;
import dev.connect.oauth.application.service.IssueApiKeyService;
import dev.connect.oauth.application.service.IssueClientCredentialsTokenService;
import dev.connect.oauth.application.service.ListClientsService;
import dev.connect.oauth.application.service.ListConnectionsService;
import dev.connect.oauth.application.service.MaintenanceService;
import dev.connect.oauth.application.service.PlanAuthorizationService;
import dev.connect.oauth.application.service.PurgeExpiredDataService;
import dev.connect.oauth.application.service.PurgeShortLivedRecordsService;
import dev.connect.oauth.application.service.PushAuthorizationRequestService;
import dev.connect.oauth.application.service.RefreshTokenService;
import dev.connect.oauth.application.service.RegisterClientService;
import dev.connect.oauth.application.service.ResolvePushedRequestService;
import dev.connect.oauth.application.service.ResolveSessionService;
import dev.connect.oauth.application.service.ReturnAfterSignInService;
import dev.connect.oauth.application.service.RevokeApiKeyService;
import dev.connect.oauth.application.service.RevokeTokenService;
import dev.connect.oauth.application.service.RotateClientSecretService;
import dev.connect.oauth.application.service.SignInService;
import dev.connect.oauth.application.service.SignOutService;
import dev.connect.oauth.application.service.DpopProofs;
import dev.connect.oauth.application.service.TokenCheckCache;
import dev.connect.oauth.application.port.in.DecideDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.ExchangeDeviceCodeUseCase;
import dev.connect.oauth.application.port.in.FindDeviceAuthorizationUseCase;
import dev.connect.oauth.application.port.in.StartDeviceAuthorizationUseCase;
import dev.connect.oauth.application.service.DecideDeviceAuthorizationService;
import dev.connect.oauth.application.service.ExchangeDeviceCodeService;
import dev.connect.oauth.application.service.FindDeviceAuthorizationService;
import dev.connect.oauth.application.service.StartDeviceAuthorizationService;

/** Each in-port bound to the service that implements it. */
@Module
interface UseCaseModule {
    @Binds
    AuthenticateApiKeyUseCase authenticateApiKeyUseCase(AuthenticateApiKeyService service);

    @Binds
    AuthorizeUseCase authorizeUseCase(AuthorizeService service);

    @Binds
    StartDeviceAuthorizationUseCase startDeviceAuthorizationUseCase(StartDeviceAuthorizationService service);

    @Binds
    ExchangeDeviceCodeUseCase exchangeDeviceCodeUseCase(ExchangeDeviceCodeService service);

    @Binds
    FindDeviceAuthorizationUseCase findDeviceAuthorizationUseCase(FindDeviceAuthorizationService service);

    @Binds
    DecideDeviceAuthorizationUseCase decideDeviceAuthorizationUseCase(DecideDeviceAuthorizationService service);

    @Binds
    BootstrapAdminUseCase bootstrapAdminUseCase(BootstrapAdminService service);

    @Binds
    CheckAuthorizationRequestUseCase checkAuthorizationRequestUseCase(CheckAuthorizationRequestService service);

    @Binds
    CheckReadinessUseCase checkReadinessUseCase(CheckReadinessService service);

    @Binds
    CreateAccountUseCase createAccountUseCase(CreateAccountService service);

    @Binds
    DeleteClientUseCase deleteClientUseCase(DeleteClientService service);

    @Binds
    GetDpopParametersUseCase getDpopParametersUseCase(DpopProofs service);

    @Binds
    DescribeTokenUseCase describeTokenUseCase(DescribeTokenService service);

    @Binds
    DisconnectClientUseCase disconnectClientUseCase(DisconnectClientService service);

    @Binds
    ExchangeCodeUseCase exchangeCodeUseCase(ExchangeCodeService service);

    @Binds
    GetClientUseCase getClientUseCase(GetClientService service);

    @Binds
    GetJwkSetUseCase getJwkSetUseCase(GetJwkSetService service);

    @Binds
    IntrospectTokenUseCase introspectTokenUseCase(IntrospectTokenService service);

    @Binds
    InvalidateTokenUseCase invalidateTokenUseCase(InvalidateTokenService service);

    @Binds
    IssueApiKeyUseCase issueApiKeyUseCase(IssueApiKeyService service);

    @Binds
    IssueClientCredentialsTokenUseCase issueClientCredentialsTokenUseCase(IssueClientCredentialsTokenService service);

    @Binds
    ListClientsUseCase listClientsUseCase(ListClientsService service);

    @Binds
    ListConnectionsUseCase listConnectionsUseCase(ListConnectionsService service);

    @Binds
    RefreshTokenUseCase refreshTokenUseCase(RefreshTokenService service);

    @Binds
    RegisterClientUseCase registerClientUseCase(RegisterClientService service);

    @Binds
    RegisterClientDynamicallyUseCase registerClientDynamicallyUseCase(DynamicClientRegistrationService service);

    @Binds
    ManageClientRegistrationUseCase manageClientRegistrationUseCase(DynamicClientRegistrationService service);

    @Binds
    ResolveSessionUseCase resolveSessionUseCase(ResolveSessionService service);

    @Binds
    ResolveSignInUseCase resolveSignInUseCase(ResolveSessionService service);

    @Binds
    GetUserInfoUseCase getUserInfoUseCase(GetUserInfoService service);

    @Binds
    PlanAuthorizationUseCase planAuthorizationUseCase(PlanAuthorizationService service);

    @Binds
    EndSessionUseCase endSessionUseCase(EndSessionService service);

    @Binds
    PushAuthorizationRequestUseCase pushAuthorizationRequestUseCase(PushAuthorizationRequestService service);

    @Binds
    ResolvePushedRequestUseCase resolvePushedRequestUseCase(ResolvePushedRequestService service);

    @Binds
    ReturnAfterSignInUseCase returnAfterSignInUseCase(ReturnAfterSignInService service);

    @Binds
    RevokeApiKeyUseCase revokeApiKeyUseCase(RevokeApiKeyService service);

    @Binds
    RevokeTokenUseCase revokeTokenUseCase(RevokeTokenService service);

    @Binds
    RotateClientSecretUseCase rotateClientSecretUseCase(RotateClientSecretService service);

    @Binds
    SignInUseCase signInUseCase(SignInService service);

    @Binds
    CheckMaintenanceUseCase checkMaintenanceUseCase(MaintenanceService service);

    @Binds
    SwitchMaintenanceUseCase switchMaintenanceUseCase(MaintenanceService service);

    @Binds
    RefreshMaintenanceUseCase refreshMaintenanceUseCase(MaintenanceService service);

    @Binds
    RefreshRevocationsUseCase refreshRevocationsUseCase(TokenCheckCache service);

    @Binds
    LimitClientFailuresUseCase limitClientFailuresUseCase(ClientFailureLimitService service);

    @Binds
    PurgeShortLivedRecordsUseCase purgeShortLivedRecordsUseCase(PurgeShortLivedRecordsService service);

    @Binds
    SignOutUseCase signOutUseCase(SignOutService service);

    @Binds
    PurgeExpiredDataUseCase purgeExpiredDataUseCase(PurgeExpiredDataService service);
}
