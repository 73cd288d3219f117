-- JWT ids already used (DPoP proofs, client assertions: issue 11), one row per claim, kept until
-- the JWT expires so that every node refuses a replay. key_hash: SHA-256 hex of the claim's kind,
-- issuer and jti (never the JWT itself); expires_at in epoch nanoseconds, indexed for the purge.
CREATE TABLE used_jtis (
    key_hash   CHAR(64) NOT NULL,
    expires_at BIGINT   NOT NULL,
    PRIMARY KEY (key_hash)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ix_used_jtis_expires_at ON used_jtis (expires_at);
