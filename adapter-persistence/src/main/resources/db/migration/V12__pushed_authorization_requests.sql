-- Pushed authorization requests (RFC 9126, issue 11).
-- A client may be registered to push every authorization request first.
ALTER TABLE clients ADD COLUMN require_pushed_authorization_requests BOOLEAN NOT NULL DEFAULT FALSE;

-- hash: SHA-256 of the request_uri, which is a bearer reference, so only its hash is kept.
-- parameters: the request's parameters, form-encoded in the order they came (bounded by the
-- HTTP body limit). No foreign key to clients: a request of a deleted client is refused at use
-- (the client is looked up again) and purged when it expires.
CREATE TABLE pushed_authorization_requests (
    hash       CHAR(64)     NOT NULL,
    client_id  VARCHAR(128) NOT NULL,
    parameters TEXT         NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (hash)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_pushed_authorization_requests_expires_at ON pushed_authorization_requests (expires_at);
