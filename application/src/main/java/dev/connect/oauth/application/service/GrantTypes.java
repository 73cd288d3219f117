package dev.connect.oauth.application.service;

import dev.connect.oauth.domain.Client;
import dev.connect.oauth.domain.ErrorCode;
import dev.connect.oauth.domain.GrantType;

/** The one check that a client uses only the grant types it registered (RFC 7591 §2, RFC 6749 §5.2). */
final class GrantTypes {
    private GrantTypes() {
    }

    static void requirePermitted(Client client, GrantType grantType) {
        if (!client.permits(grantType)) {
            throw ErrorCode.UNAUTHORIZED_CLIENT.exception("This client did not register the "
                    + grantType.wireName() + " grant type.");
        }
    }
}
