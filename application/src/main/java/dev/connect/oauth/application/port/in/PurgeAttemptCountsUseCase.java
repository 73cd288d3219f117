package dev.connect.oauth.application.port.in;

/** Deletes the failed-attempt counts whose window has ended; run in the background, on any node. */
public interface PurgeAttemptCountsUseCase {
    /** @return how many counts were deleted */
    int purge();
}
