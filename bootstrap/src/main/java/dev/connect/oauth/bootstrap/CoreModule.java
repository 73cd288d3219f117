package dev.connect.oauth.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.connect.oauth.application.AbuseLimits;
import dev.connect.oauth.application.DpopPolicy;
import dev.connect.oauth.application.OAuthPolicy;
import dev.connect.oauth.application.PushedRequestPolicy;
import dev.connect.oauth.application.TokenCachePolicy;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Time, the server-wide OAuth rules and the abuse limits, from the configuration. */
@Module
interface CoreModule {
    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static OAuthPolicy policy(ServerConfig config) {
        return new OAuthPolicy(config.issuer(), config.issuer(), config.scopes(), config.accessTokenTtl(),
                config.refreshTokenTtl(), config.codeTtl(), config.sessionTtl(), config.allowPlainPkce(),
                config.retryGrace(), config.refreshTokenMaxLifetime(), config.deviceCodeTtl(), config.deviceInterval(),
                config.timedTokenKeys());
    }

    @Provides
    static AbuseLimits abuseLimits(ServerConfig config) {
        return config.abuseLimits();
    }

    @Provides
    static DpopPolicy dpopPolicy(ServerConfig config) {
        return config.dpop();
    }

    @Provides
    static TokenCachePolicy tokenCache(ServerConfig config) {
        return config.tokenCache();
    }

    @Provides
    static PushedRequestPolicy pushedRequests(ServerConfig config) {
        return config.pushedRequests();
    }
}
