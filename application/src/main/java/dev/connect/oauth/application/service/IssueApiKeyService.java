package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.IssueApiKeyUseCase;
import dev.connect.oauth.application.port.in.NewApiKey;
import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@code POST /api/v1/accounts/me/api-keys} (API.md §4): another key for the caller's own account, shown once. */
public final class IssueApiKeyService implements IssueApiKeyUseCase {
    private final ApiKeyRepository apiKeys;
    private final ApiKeyMinting minting;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public IssueApiKeyService(ApiKeyRepository apiKeys, SecretGenerator generator, SecretHasher hasher,
                              AuditLog auditLog, Clock clock) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.minting = new ApiKeyMinting(generator, hasher);
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NewApiKey issue(Principal caller) {
        Instant now = clock.instant();
        NewApiKey key = minting.mint(caller.account().id(), now);
        apiKeys.add(key.issued());
        audit.record(AuditEventType.API_KEY_ISSUED, Optional.of(caller.account().id()), Optional.empty(),
                "key=" + key.issued().id(), now);
        return key;
    }
}
