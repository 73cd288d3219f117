package dev.connect.oauth.application.port.in;

/** Rereads the shared maintenance switch into this node's memory; run in the background. */
public interface RefreshMaintenanceUseCase {
    /**
     * Reads the stored switch. When the store does not answer, the last value read holds, so a
     * database outage neither starts nor ends maintenance.
     *
     * @return whether maintenance is on, as this node now knows it
     */
    boolean refresh();
}
