package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What the resource owner answered on the consent page (RFC 6749 §4.1.1: the authorization server
 * "establishes whether the resource owner grants or denies the client's access request").
 */
public sealed interface ConsentDecision {
    /** The owner grants the request as checked: a code is issued. */
    ConsentDecision APPROVE = new Approve();
    /** The owner refuses: the client gets {@code access_denied} (RFC 6749 §4.1.2.1). */
    ConsentDecision DENY = new Deny();

    /** {@code approve} or {@code deny}, as the consent form posts them; empty for anything else. */
    static Optional<ConsentDecision> parse(String value) {
        return switch (Objects.requireNonNull(value, "value")) {
            case "approve" -> Optional.of(APPROVE);
            case "deny" -> Optional.of(DENY);
            default -> Optional.empty();
        };
    }

    /** See {@link #APPROVE}. */
    record Approve() implements ConsentDecision {
    }

    /** See {@link #DENY}. */
    record Deny() implements ConsentDecision {
    }
}
