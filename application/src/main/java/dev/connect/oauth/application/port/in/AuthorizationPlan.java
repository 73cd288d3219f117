package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.Account;
import java.util.Objects;

/** The next step of a browser's authorization request. */
public sealed interface AuthorizationPlan {
    /** The sign-in page: no session, or one that {@code prompt} or {@code max_age} does not accept. */
    record SignIn(CheckedAuthorization checked) implements AuthorizationPlan {
        public SignIn {
            Objects.requireNonNull(checked, "checked");
        }
    }

    /** The consent page for the signed-in account. */
    record Consent(CheckedAuthorization checked, Account account) implements AuthorizationPlan {
        public Consent {
            Objects.requireNonNull(checked, "checked");
            Objects.requireNonNull(account, "account");
        }
    }

    /** Approved without a page: the account consented to as much before; the code goes back to the client. */
    record Approved(AuthorizationGranted granted) implements AuthorizationPlan {
        public Approved {
            Objects.requireNonNull(granted, "granted");
        }
    }
}
