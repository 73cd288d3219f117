package dev.connect.oauth.application.port.out;

import java.time.Instant;

/**
 * The maintenance switch of the whole fleet (API.md §5), stored where every node reads it.
 *
 * <p>Atomicity: {@link #set} is one atomic write, the last writer wins; once it returns, every
 * later {@link #isOn} on any node sharing the store reads it (or a later write).
 */
public interface MaintenanceSwitchStore {
    /** Whether the switch is on; off when it was never set. */
    boolean isOn();

    /** Sets the switch, remembering when. */
    void set(boolean on, Instant at);
}
