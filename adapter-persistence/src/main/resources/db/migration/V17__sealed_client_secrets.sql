-- client_secret_jwt (issue 11, RFC 7523 §2.2, OpenID Connect Core §9): the client secret sealed with the
-- key-encryption key (A256GCM.<kek id>.<nonce>.<ciphertext and tag>, base64url; bound to the client id),
-- because HMAC assertions verify with the secret itself. Set exactly for client_secret_jwt clients,
-- which have no secret_hash; rewrap-keys seals it again after a KEK rotation.
ALTER TABLE clients ADD COLUMN sealed_secret VARCHAR(512) NULL;
