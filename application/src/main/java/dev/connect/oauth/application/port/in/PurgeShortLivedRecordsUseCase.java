package dev.connect.oauth.application.port.in;

/**
 * Deletes the short-lived records of the abuse and replay checks that ended: failed-attempt counts
 * whose window closed, and JWT ids whose JWT expired. Run in the background, often, on any node.
 */
public interface PurgeShortLivedRecordsUseCase {
    /** @return how many records were deleted */
    int purge();
}
