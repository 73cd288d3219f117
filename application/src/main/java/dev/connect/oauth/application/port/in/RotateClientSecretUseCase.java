package dev.connect.oauth.application.port.in;

/** Admin only: replaces a confidential client's secret; the old one stops working at once. */
public interface RotateClientSecretUseCase {
    RegisteredClient rotate(Principal caller, String clientId);
}
