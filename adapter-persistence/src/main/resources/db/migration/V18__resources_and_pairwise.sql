-- Issue 10: RFC 8707 resource indicators and pairwise subjects.
-- resources: space-separated absolute URIs in the order given (a URI never holds a space), like
-- allowed_scopes; NULL for none. A client's registered ones; those an authorization request bound
-- to its code and, from it, to every refresh token of the family; those an access token is for
-- (its aud; NULL: the server's default audience). Read with the row every lookup reads anyway.
ALTER TABLE clients ADD COLUMN resources TEXT NULL;
ALTER TABLE authorization_codes ADD COLUMN resources TEXT NULL;
ALTER TABLE refresh_tokens ADD COLUMN resources TEXT NULL;
ALTER TABLE access_tokens ADD COLUMN resources TEXT NULL;

-- Secrets of the server itself that every node must share, such as the key of pairwise subject
-- identifiers (OpenID Connect Core §8.1): sealed by the crypto adapter under the key-encryption
-- key, as signing keys are. Made once by whichever node needs one first (the primary key makes
-- the first insert win), never deleted: a new pairwise key would change every pairwise sub.
CREATE TABLE server_secrets (
    name         VARCHAR(64) NOT NULL,
    sealed_value TEXT        NOT NULL,
    created_at   BIGINT      NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
