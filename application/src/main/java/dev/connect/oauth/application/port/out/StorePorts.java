package dev.connect.oauth.application.port.out;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every store-backed out-port of one store, as an adapter provides them together: what the port
 * contract suite opens for each test, what service tests wire, and what an embedding hands over
 * in place of the database.
 */
public record StorePorts(ClientRepository clients, AccountRepository accounts, ApiKeyRepository apiKeys,
                         GrantRepository grants, AuthorizationCodeStore codes, TokenRepository tokens,
                         SessionRepository sessions, SigningKeyRepository signingKeys, AuditLog audit,
                         StoreHealth health, AccessTokenLookup accessTokenLookup, MaintenanceSwitchStore maintenance,
                         AttemptCounterStore attempts, JtiStore jtis, StorePurge purge,
                         PushedRequestStore pushedRequests, DeviceAuthorizationStore deviceAuthorizations) {
    // Reflection over the record's own components, so that a port added to the record needs no change below.
    private static final RecordComponent[] COMPONENTS = StorePorts.class.getRecordComponents();
    private static final Constructor<StorePorts> CANONICAL = canonicalConstructor();

    private static Constructor<StorePorts> canonicalConstructor() {
        try {
            return StorePorts.class.getDeclaredConstructor(
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public StorePorts {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(accessTokenLookup, "accessTokenLookup");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(jtis, "jtis");
        Objects.requireNonNull(purge, "purge");
        Objects.requireNonNull(deviceAuthorizations, "deviceAuthorizations");
        Objects.requireNonNull(pushedRequests, "pushedRequests");
    }

    /** The interfaces of the store ports, one per component of this record. */
    public static Set<Class<?>> ports() {
        return Arrays.stream(COMPONENTS).map(RecordComponent::getType).collect(Collectors.toUnmodifiableSet());
    }

    /** Each port of this store by its interface: for an assembly that replaces ports by type. */
    public Map<Class<?>, Object> byPort() {
        Map<Class<?>, Object> ports = new LinkedHashMap<>();
        for (RecordComponent component : COMPONENTS) {
            ports.put(component.getType(), port(component));
        }
        return Collections.unmodifiableMap(ports);
    }

    /**
     * These ports with {@code adapter} in place of the one of type {@code port}: a team's own adapter of one
     * port beside the others of this store (to run that port's contract, or to assemble the server with it).
     *
     * @throws IllegalArgumentException when {@code port} is not one of the store ports
     */
    public <T> StorePorts with(Class<T> port, T adapter) {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(port.cast(adapter), "adapter");
        if (!ports().contains(port)) {
            throw new IllegalArgumentException(port.getName() + " is not a store port");
        }
        Object[] ports = Arrays.stream(COMPONENTS)
                .map(component -> component.getType() == port ? adapter : port(component)).toArray();
        try {
            return CANONICAL.newInstance(ports);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StorePorts could not be copied", e);
        }
    }

    private Object port(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StorePorts could not be read", e);
        }
    }
}
