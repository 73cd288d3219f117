-- The Connect OAuth schema: one dialect that MySQL 8, MariaDB 10.11+ and H2 (MODE=MySQL) all run,
-- and that jOOQ's DDLDatabase reads to generate the Java classes at build time.
--
-- Conventions:
-- * Instants are BIGINT nanoseconds since the epoch (UTC): exact for every java.time.Instant between
--   1677 and 2262, and free of the session-time-zone conversions of DATETIME and TIMESTAMP.
-- * Secrets are never stored: codes, tokens, client secrets, API keys and session cookies are kept
--   as their SHA-256 in 64 lower-case hex digits (CHAR(64)), the key they are found by.
-- * Tables use a binary collation, so identifiers and hashes compare byte for byte (base64url ids are
--   case-sensitive); emails are lower-cased by the domain before they get here.
-- * Primary keys are unnamed (MySQL names every one PRIMARY); the other keys are named, so that a
--   violation tells which one it was.
-- * A `seq` AUTO_INCREMENT column orders rows that the ports list in insertion order when several
--   share one timestamp.

CREATE TABLE accounts (
    id            VARCHAR(128) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    phone         VARCHAR(16),
    name          VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(512),
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_accounts_email UNIQUE (email),
    CONSTRAINT uk_accounts_phone UNIQUE (phone)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_accounts_role ON accounts (role);

CREATE TABLE api_keys (
    id         VARCHAR(128) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    hash       CHAR(64)     NOT NULL,
    created_at BIGINT       NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_api_keys_hash UNIQUE (hash),
    CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A removed client keeps its row, marked deleted_at, so that the grants, codes and tokens that
-- name it keep their foreign keys and are reported revoked rather than vanishing.
CREATE TABLE clients (
    seq            BIGINT        NOT NULL AUTO_INCREMENT,
    id             VARCHAR(128)  NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    type           VARCHAR(16)   NOT NULL,
    secret_hash    CHAR(64),
    allowed_scopes VARCHAR(1024) NOT NULL,
    created_at     BIGINT        NOT NULL,
    deleted_at     BIGINT,
    PRIMARY KEY (seq),
    CONSTRAINT uk_clients_id UNIQUE (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE client_redirect_uris (
    client_id VARCHAR(128)  NOT NULL,
    position  INT           NOT NULL,
    uri       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (client_id, position),
    CONSTRAINT fk_client_redirect_uris_client FOREIGN KEY (client_id) REFERENCES clients (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A grant is the family its codes and tokens descend from: revoking it is one UPDATE of this row,
-- and every code redemption, rotation and token lookup joins it.
CREATE TABLE grants (
    seq        BIGINT        NOT NULL AUTO_INCREMENT,
    id         VARCHAR(128)  NOT NULL,
    client_id  VARCHAR(128)  NOT NULL,
    account_id VARCHAR(128),
    scopes     VARCHAR(1024) NOT NULL,
    created_at BIGINT        NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (seq),
    CONSTRAINT uk_grants_id UNIQUE (id),
    CONSTRAINT fk_grants_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_grants_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_grants_account_client ON grants (account_id, client_id);
CREATE INDEX ix_grants_client ON grants (client_id);

CREATE TABLE authorization_codes (
    hash             CHAR(64)      NOT NULL,
    grant_id         VARCHAR(128)  NOT NULL,
    client_id        VARCHAR(128)  NOT NULL,
    account_id       VARCHAR(128)  NOT NULL,
    redirect_uri     VARCHAR(2000) NOT NULL,
    scopes           VARCHAR(1024) NOT NULL,
    challenge        VARCHAR(128),
    challenge_method VARCHAR(8),
    issued_at        BIGINT        NOT NULL,
    expires_at       BIGINT        NOT NULL,
    redeemed_at      BIGINT,
    PRIMARY KEY (hash),
    CONSTRAINT fk_authorization_codes_grant FOREIGN KEY (grant_id) REFERENCES grants (id),
    CONSTRAINT fk_authorization_codes_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_authorization_codes_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- parent_id links each refresh token to the one it replaced: the rotation chain of a grant.
CREATE TABLE refresh_tokens (
    id         VARCHAR(128)  NOT NULL,
    hash       CHAR(64)      NOT NULL,
    grant_id   VARCHAR(128)  NOT NULL,
    client_id  VARCHAR(128)  NOT NULL,
    account_id VARCHAR(128),
    scopes     VARCHAR(1024) NOT NULL,
    parent_id  VARCHAR(128),
    issued_at  BIGINT        NOT NULL,
    expires_at BIGINT        NOT NULL,
    retired_at BIGINT,
    revoked_at BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (hash),
    CONSTRAINT fk_refresh_tokens_grant FOREIGN KEY (grant_id) REFERENCES grants (id),
    CONSTRAINT fk_refresh_tokens_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_refresh_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_refresh_tokens_parent ON refresh_tokens (parent_id);

-- id is the token's jti.
CREATE TABLE access_tokens (
    id               VARCHAR(128)  NOT NULL,
    hash             CHAR(64)      NOT NULL,
    grant_id         VARCHAR(128)  NOT NULL,
    client_id        VARCHAR(128)  NOT NULL,
    account_id       VARCHAR(128),
    scopes           VARCHAR(1024) NOT NULL,
    refresh_token_id VARCHAR(128),
    issued_at        BIGINT        NOT NULL,
    expires_at       BIGINT        NOT NULL,
    revoked_at       BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_access_tokens_hash UNIQUE (hash),
    CONSTRAINT fk_access_tokens_grant FOREIGN KEY (grant_id) REFERENCES grants (id),
    CONSTRAINT fk_access_tokens_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_access_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_access_tokens_refresh_token FOREIGN KEY (refresh_token_id) REFERENCES refresh_tokens (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE browser_sessions (
    hash       CHAR(64)     NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (hash),
    CONSTRAINT fk_browser_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE signing_keys (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    kid         VARCHAR(128) NOT NULL,
    algorithm   VARCHAR(16)  NOT NULL,
    private_jwk TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL,
    retired_at  BIGINT,
    PRIMARY KEY (seq),
    CONSTRAINT uk_signing_keys_kid UNIQUE (kid)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Audit events name accounts and clients without foreign keys: the record outlives what it names.
CREATE TABLE audit_events (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    event_type  VARCHAR(100) NOT NULL,
    account_id  VARCHAR(128),
    client_id   VARCHAR(128),
    detail      TEXT         NOT NULL,
    occurred_at BIGINT       NOT NULL,
    PRIMARY KEY (seq)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
