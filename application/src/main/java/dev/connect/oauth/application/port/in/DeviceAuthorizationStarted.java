package dev.connect.oauth.application.port.in;

import dev.connect.oauth.domain.UserCode;
import java.time.Duration;
import java.util.Objects;

/**
 * The answer of the device authorization endpoint, without its URIs (the HTTP adapter knows where
 * the verification page is served).
 *
 * @param deviceCode the device code, handed out once: the server keeps only its hash
 * @param userCode   the user code to show the person
 * @param expiresIn  how long both codes live
 * @param interval   how long the client waits between polls
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8628#section-3.2">RFC 8628 §3.2</a>
 */
public record DeviceAuthorizationStarted(String deviceCode, UserCode userCode, Duration expiresIn, Duration interval) {
    public DeviceAuthorizationStarted {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String toString() {
        return "DeviceAuthorizationStarted[expiresIn=" + expiresIn + ", interval=" + interval + "]";
    }
}
