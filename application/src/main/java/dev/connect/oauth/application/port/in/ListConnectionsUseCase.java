package dev.connect.oauth.application.port.in;

import java.util.List;

/** The clients the caller's account has authorised and not disconnected. */
public interface ListConnectionsUseCase {
    List<Connection> list(Principal caller);
}
