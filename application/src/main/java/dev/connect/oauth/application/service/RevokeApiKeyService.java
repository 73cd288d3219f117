package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.in.Principal;
import dev.connect.oauth.application.port.in.RevokeApiKeyUseCase;
import dev.connect.oauth.application.port.out.ApiKeyRepository;
import dev.connect.oauth.application.port.out.AuditEventType;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.domain.ApiKeyId;
import dev.connect.oauth.domain.ErrorCode;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code DELETE /api/v1/accounts/me/api-keys/{id}} (API.md §4): revokes one of the caller's own
 * active keys, the one in use included. Another account's key is {@code not_found}, as an unknown
 * one is, so key ids of other accounts cannot be probed.
 */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {
    private final ApiKeyRepository apiKeys;
    private final AuditTrail audit;
    private final Clock clock;

    @Inject
    public RevokeApiKeyService(ApiKeyRepository apiKeys, AuditLog auditLog, Clock clock) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.audit = new AuditTrail(auditLog);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void revoke(Principal caller, ApiKeyId keyId) {
        Objects.requireNonNull(keyId, "keyId");
        Instant now = clock.instant();
        if (!apiKeys.revoke(caller.account().id(), keyId, now)) {
            throw ErrorCode.NOT_FOUND.exception("The account has no active API key with this id.");
        }
        audit.record(AuditEventType.API_KEY_REVOKED, Optional.of(caller.account().id()), Optional.empty(),
                "key=" + keyId, now);
    }
}
