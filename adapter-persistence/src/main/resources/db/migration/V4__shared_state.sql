-- State every node of a fleet must see alike, kept here instead of in one node's memory
-- (DESIGN.md, Scale-out): the switches an admin flips (maintenance) and the counters of failed
-- attempts that the rate limits read.

-- One row per switch, written with an upsert; a switch without a row is off.
CREATE TABLE switches (
    name       VARCHAR(64) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    changed_at BIGINT      NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Failed attempts per key in fixed windows. The key is the SHA-256 (hex) of what is counted (an
-- email, a source address prefix, a client id, with the kind of count), never the value itself.
-- A row whose window has ended counts nothing; the purge deletes such rows by the index.
CREATE TABLE attempt_counters (
    key_hash       CHAR(64) NOT NULL,
    hits           INT      NOT NULL,
    window_ends_at BIGINT   NOT NULL,
    PRIMARY KEY (key_hash)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_attempt_counters_window_ends_at ON attempt_counters (window_ends_at);
