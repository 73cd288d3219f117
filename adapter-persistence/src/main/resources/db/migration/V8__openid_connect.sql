-- OpenID Connect (issue 10): the end-user authentication behind a grant, reported by the ID
-- tokens issued from it: when the account signed in (epoch nanoseconds, as every time here) and
-- the nonce of the authorization request. Both absent for client credentials and older grants.
ALTER TABLE grants ADD COLUMN auth_time BIGINT NULL;
ALTER TABLE grants ADD COLUMN nonce VARCHAR(512) NULL;
