package dev.connect.oauth.application.port.out;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Every store-backed out-port of one store, as an adapter provides them together: what the port
 * contract suite opens for each test, what service tests wire, and what an embedding hands over
 * in place of the database.
 */
public record StorePorts(ClientRepository clients, AccountRepository accounts, ApiKeyRepository apiKeys,
                         GrantRepository grants, AuthorizationCodeStore codes, TokenRepository tokens,
                         SessionRepository sessions, SigningKeyRepository signingKeys, AuditLog audit,
                         StoreHealth health, AccessTokenLookup accessTokenLookup, MaintenanceSwitchStore maintenance,
                         AttemptCounterStore attempts, StorePurge purge) {
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
        Objects.requireNonNull(purge, "purge");
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
        RecordComponent[] components = StorePorts.class.getRecordComponents();
        if (Arrays.stream(components).noneMatch(component -> component.getType() == port)) {
            throw new IllegalArgumentException(port.getName() + " is not a store port");
        }
        // Reflection over the record's own components, so that a port added to the record needs no change here.
        try {
            Object[] ports = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                ports[i] = components[i].getType() == port ? adapter : components[i].getAccessor().invoke(this);
            }
            return StorePorts.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(ports);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StorePorts lost its canonical constructor", e);
        }
    }
}
