package dev.connect.oauth.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AuditEvent} records. The wire name is what an {@link AuditLog} stores and an
 * operator reads, so it never changes once released.
 */
public enum AuditEventType {
    AUTHORIZATION_GRANTED("authorization.granted"),
    CODE_REPLAYED("authorization_code.replayed"),
    REFRESH_TOKEN_REUSED("refresh_token.reused"),
    SIGN_IN_FAILED("sign_in.failed"),
    ACCOUNT_CREATED("account.created"),
    API_KEY_ISSUED("api_key.issued"),
    API_KEY_REVOKED("api_key.revoked"),
    CLIENT_REGISTERED("client.registered"),
    CLIENT_SECRET_ROTATED("client.secret_rotated"),
    CLIENT_DELETED("client.deleted"),
    CLIENT_DISCONNECTED("client.disconnected"),
    MAINTENANCE_SWITCHED("maintenance.switched");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The type stored as exactly {@code value}; empty for any other spelling. */
    public static Optional<AuditEventType> parse(String value) {
        Objects.requireNonNull(value, "value");
        for (AuditEventType type : values()) {
            if (type.wireName.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public String wireName() {
        return wireName;
    }
}
