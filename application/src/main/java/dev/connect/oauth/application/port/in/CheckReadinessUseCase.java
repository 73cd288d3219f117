package dev.connect.oauth.application.port.in;

/** Whether this node can serve: its store answers. */
public interface CheckReadinessUseCase {
    /** @throws dev.connect.oauth.application.port.out.StoreUnavailableException when it cannot */
    void check();
}
