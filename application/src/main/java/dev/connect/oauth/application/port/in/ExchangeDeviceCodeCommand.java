package dev.connect.oauth.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A poll of the token endpoint with {@code device_code} as received. A missing one is the use
 * case's {@code invalid_request}, answered only after the client authenticated (RFC 6749 §5.2 order).
 */
public record ExchangeDeviceCodeCommand(ClientCredentials client, Optional<String> deviceCode,
                                        Optional<DpopRequest> dpop) {
    public ExchangeDeviceCodeCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(dpop, "dpop");
    }

    /** A poll without a DPoP proof. */
    public ExchangeDeviceCodeCommand(ClientCredentials client, Optional<String> deviceCode) {
        this(client, deviceCode, Optional.empty());
    }

    @Override
    public String toString() {
        return "ExchangeDeviceCodeCommand[client=" + client + ", dpop=" + dpop + "]";
    }
}
