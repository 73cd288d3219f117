-- Indexes for the poll of revocations that keeps each node's cache of token checks honest
-- (AccessTokenLookup.revokedSince): the access tokens revoked since a moment, by their own
-- revocation or their grant's, found by range on the revocation times (a token not revoked has
-- NULL there and stays out of the range), so a poll costs what was revoked, not what is stored.
-- The grant's tokens are then found by the index of the foreign key on access_tokens.grant_id.
CREATE INDEX ix_access_tokens_revoked_at ON access_tokens (revoked_at);
CREATE INDEX ix_grants_revoked_at ON grants (revoked_at);
