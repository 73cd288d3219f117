package dev.connect.oauth.application.port.out;

import dev.connect.oauth.domain.SecretHash;
import java.util.Optional;

/** Browser sessions of the sign-in page, shared by every node. Each call is atomic on its own. */
public interface SessionRepository {
    void add(BrowserSession session);

    Optional<BrowserSession> findByHash(SecretHash hash);

    void remove(SecretHash hash);
}
