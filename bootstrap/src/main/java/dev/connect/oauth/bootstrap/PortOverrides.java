package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.out.AccessTokenCodec;
import dev.connect.oauth.application.port.out.ClientAssertionCodec;
import dev.connect.oauth.application.port.out.ClientKeysFetcher;
import dev.connect.oauth.application.port.out.PasswordHasher;
import dev.connect.oauth.application.port.out.SecretGenerator;
import dev.connect.oauth.application.port.out.SecretHasher;
import dev.connect.oauth.application.port.out.StorePorts;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The out-port adapters an embedding puts in place of the defaults ({@link ConnectAssembly}), handed to the
 * Dagger component as one instance: each port's provider takes the override if there is one, else the
 * persistence or crypto adapter's. When every store port is overridden, no database is opened.
 */
final class PortOverrides {
    /** The ports the persistence adapter provides by default. */
    static final Set<Class<?>> STORE_PORTS = StorePorts.ports();
    /** The ports the crypto adapter provides by default. */
    static final Set<Class<?>> CRYPTO_PORTS = Set.of(AccessTokenCodec.class, PasswordHasher.class,
            SecretGenerator.class, SecretHasher.class, ClientAssertionCodec.class, ClientKeysFetcher.class);
    static final PortOverrides NONE = new PortOverrides(Map.of());

    private final Map<Class<?>, Object> adapters;

    /** {@code adapters}: each out-port's replacement, an instance of the port (checked by {@link ConnectAssembly}). */
    PortOverrides(Map<Class<?>, Object> adapters) {
        this.adapters = Map.copyOf(Objects.requireNonNull(adapters, "adapters"));
    }

    /** The adapter put in place of {@code port}'s default, if any. */
    <T> Optional<T> get(Class<T> port) {
        return Optional.ofNullable(adapters.get(port)).map(port::cast);
    }

    /** Whether every store port is overridden, so that the server needs no database of its own. */
    boolean coverEveryStorePort() {
        return adapters.keySet().containsAll(STORE_PORTS);
    }
}
