package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.AuditEvent;
import dev.connect.oauth.application.port.out.AuditLog;
import dev.connect.oauth.domain.AccountId;
import dev.connect.oauth.domain.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The security events the use cases record: ids and a short detail only, never a secret. */
final class AuditTrail {
    static final String AUTHORIZATION_GRANTED = "authorization.granted";
    static final String CODE_REPLAYED = "authorization_code.replayed";
    static final String REFRESH_TOKEN_REUSED = "refresh_token.reused";
    static final String SIGN_IN_FAILED = "sign_in.failed";
    static final String ACCOUNT_CREATED = "account.created";
    static final String API_KEY_ISSUED = "api_key.issued";
    static final String API_KEY_REVOKED = "api_key.revoked";
    static final String CLIENT_REGISTERED = "client.registered";
    static final String CLIENT_SECRET_ROTATED = "client.secret_rotated";
    static final String CLIENT_DELETED = "client.deleted";
    static final String CLIENT_DISCONNECTED = "client.disconnected";
    static final String MAINTENANCE_SWITCHED = "maintenance.switched";

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void record(String type, Optional<AccountId> account, Optional<ClientId> client, String detail, Instant at) {
        log.record(new AuditEvent(type, account.map(AccountId::value), client.map(ClientId::value), detail, at));
    }
}
