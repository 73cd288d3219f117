package dev.connect.oauth.application.port.in;

/** Whether the fleet is in maintenance (API.md §5), as this node last read the shared switch. */
public interface CheckMaintenanceUseCase {
    /** Answers from this node's memory, never waiting for the store: safe on an event loop. */
    boolean isOn();
}
