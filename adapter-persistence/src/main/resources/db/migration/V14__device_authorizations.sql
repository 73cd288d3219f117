-- Device Authorization Grant (RFC 8628, issue 11). One row per request, keyed by the SHA-256 of its
-- device code; the SHA-256 of its user code is unique, so a user code names one request (a taken
-- one is drawn again). status is PENDING, APPROVED or DENIED; an approval's grant is grant_id.
-- Polls are recorded over the previous last_polled_at (a conditional update), redemption is
-- redeemed_at set once. Times are epoch nanoseconds like every other table; the scheduled purge
-- deletes rows by expires_at.
CREATE TABLE device_authorizations (
    device_code_hash     CHAR(64)      NOT NULL,
    user_code_hash       CHAR(64)      NOT NULL,
    client_id            VARCHAR(128)  NOT NULL,
    scopes               VARCHAR(1024) NOT NULL,
    issued_at            BIGINT        NOT NULL,
    expires_at           BIGINT        NOT NULL,
    poll_interval_millis BIGINT        NOT NULL,
    last_polled_at       BIGINT,
    status               VARCHAR(16)   NOT NULL,
    grant_id             VARCHAR(128),
    decided_at           BIGINT,
    redeemed_at          BIGINT,
    PRIMARY KEY (device_code_hash),
    CONSTRAINT uk_device_authorizations_user_code UNIQUE (user_code_hash),
    CONSTRAINT fk_device_authorizations_client FOREIGN KEY (client_id) REFERENCES clients (id),
    CONSTRAINT fk_device_authorizations_grant FOREIGN KEY (grant_id) REFERENCES grants (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_device_authorizations_expires_at ON device_authorizations (expires_at);
