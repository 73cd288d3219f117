package dev.connect.oauth.application.port.out;

/** Tells whether the shared store answers: the readiness probe of a node. */
public interface StoreHealth {
    /** Returns quickly when the store answers; otherwise throws within a few seconds. */
    void ping() throws StoreUnavailableException;
}
