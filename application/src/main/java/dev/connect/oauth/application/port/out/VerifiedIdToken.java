package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.ClientId;
import java.util.Objects;

/** What an ID token this server signed says: its issuer, end-user and client. */
public record VerifiedIdToken(String issuer, String subject, ClientId audience) {
    public VerifiedIdToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
    }
}
