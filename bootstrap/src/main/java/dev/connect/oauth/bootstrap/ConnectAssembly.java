package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.out.StorePorts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The public way to assemble the server from code, with any out-port adapter replaced, without copying its
 * wiring: the replacements go into the same Dagger component that {@code bin/connect-oauth} runs, and every
 * port not replaced keeps its default (the persistence adapter's database, the crypto adapter).
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.from(Map.of("CONNECT_HTTP_PORT", "0"));
 * try (ConnectServer server = ConnectAssembly.of(config)
 *         .replace(AuditLog.class, new TeamAuditLog(teamDataSource))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 *
 * A replacement must keep its port's Javadoc promise, atomicity included: the port contract suite of the
 * {@code application-testkit} artifact proves it. {@code AuditLog}, {@code SigningKeyRepository},
 * {@code MaintenanceSwitchStore} and {@code AttemptCounterStore} stand alone; the other store ports refer to each
 * other's rows (a grant to its client and account, a code or token to its grant, an API key or session to its
 * account; the database enforces them as foreign keys), so replace those with every store port at once:
 * {@link #replaceStore(StorePorts)}, which opens no database at all. A builder for one assembly, not for several
 * threads.
 */
public final class ConnectAssembly {
    private final ServerConfig config;
    private final Map<Class<?>, Object> replacements = new LinkedHashMap<>();

    private ConnectAssembly(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An assembly of the server configured by {@code config} ({@link ServerConfig#from}), every port by default. */
    public static ConnectAssembly of(ServerConfig config) {
        return new ConnectAssembly(config);
    }

    /**
     * Puts {@code adapter} in place of the default adapter of {@code port}: a store port
     * ({@code AccountRepository}, {@code ClientRepository}...) or a crypto one ({@code PasswordHasher},
     * {@code SecretGenerator}, {@code SecretHasher}, {@code AccessTokenCodec}).
     *
     * @throws IllegalArgumentException when {@code port} is not an out-port the server wires
     * @throws ClassCastException when {@code adapter} does not implement {@code port} (an unchecked call)
     */
    public <T> ConnectAssembly replace(Class<T> port, T adapter) {
        Objects.requireNonNull(port, "port");
        port.cast(Objects.requireNonNull(adapter, "adapter"));
        if (!PortOverrides.STORE_PORTS.contains(port) && !PortOverrides.CRYPTO_PORTS.contains(port)) {
            throw new IllegalArgumentException(port.getName() + " is not an out-port the server wires");
        }
        replacements.put(port, adapter);
        return this;
    }

    /** Replaces every store port with those of one other store (e.g. {@code InMemoryPorts.create()}): no database. */
    public ConnectAssembly replaceStore(StorePorts store) {
        replacements.putAll(Objects.requireNonNull(store, "store").byPort());
        return this;
    }

    /** Starts the server as {@code bin/connect-oauth} does: its own Vert.x, the public and admin listeners. */
    public ConnectServer start() throws Exception {
        return ConnectServer.start(config, Telemetry.start(config.observability()), overrides());
    }

    /** Opens the server without listeners, for a host that mounts {@link EmbeddedConnect#router} itself. */
    public EmbeddedConnect embed() {
        return EmbeddedConnect.open(config, Telemetry.start(config.observability()), overrides());
    }

    private PortOverrides overrides() {
        return new PortOverrides(replacements);
    }
}
