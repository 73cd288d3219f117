package dev.connect.oauth.application.service;

import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.domain.SecretHash;
import dev.connect.oauth.domain.UserCode;

/** How a user code is kept: the hash of its normalised form, so any spelling of it finds the request. */
final class UserCodes {
    private UserCodes() {
    }

    static SecretHash hash(SecretHasher hasher, UserCode code) {
        return hasher.hash("user code\n" + code.value());
    }
}
