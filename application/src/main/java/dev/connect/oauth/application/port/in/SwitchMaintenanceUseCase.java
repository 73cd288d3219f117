package dev.connect.oauth.application.port.in;

/** Switches maintenance on or off for every node of the fleet (API.md §5; admin only). */
public interface SwitchMaintenanceUseCase {
    /**
     * Stores the switch; this node follows at once, the others within their refresh interval.
     *
     * @return the switch as now stored
     * @throws dev.connect.oauth.domain.OAuthException {@code forbidden} when the caller is no admin
     */
    boolean set(Principal caller, boolean enabled);
}
