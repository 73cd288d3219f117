-- Indexes for the scheduled purge (StorePurge): each batch deletes rows by the time they expired,
-- (audit events by when they occurred, indexed in V1); a dead refresh token is found by its grant
-- and expiry. Foreign keys already index access_tokens.refresh_token_id.
--
-- signing_keys.private_jwk holds, from this release on, the private key sealed with the operator's
-- key-encryption key (AES-256-GCM), not the JWK itself; the column keeps its name.
CREATE INDEX ix_authorization_codes_expires_at ON authorization_codes (expires_at);
CREATE INDEX ix_access_tokens_expires_at ON access_tokens (expires_at);
CREATE INDEX ix_refresh_tokens_expires_at ON refresh_tokens (expires_at);
CREATE INDEX ix_refresh_tokens_grant_expires_at ON refresh_tokens (grant_id, expires_at);
CREATE INDEX ix_browser_sessions_expires_at ON browser_sessions (expires_at);
