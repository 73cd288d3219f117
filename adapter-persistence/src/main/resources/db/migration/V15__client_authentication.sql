-- Client authentication and registration metadata (issue 11, RFC 7591/7592, RFC 7523).
-- token_endpoint_auth_method: client_secret_basic, client_secret_post, private_key_jwt or none.
-- grant_types, response_types: space-separated registered values (none holds a space), like allowed_scopes.
-- jwks: the client's public JWK Set as JSON (at most 16384 characters); jwks_uri: where to fetch it
-- instead (never both). token_endpoint_auth_signing_alg: the one assertion alg, when registered.
-- registration_token_hash: SHA-256 hex of the RFC 7592 registration access token, dynamically
-- registered clients only.
ALTER TABLE clients ADD COLUMN token_endpoint_auth_method VARCHAR(32) NOT NULL DEFAULT 'client_secret_basic';
ALTER TABLE clients ADD COLUMN grant_types VARCHAR(256) NOT NULL DEFAULT 'authorization_code refresh_token client_credentials urn:ietf:params:oauth:grant-type:device_code';
ALTER TABLE clients ADD COLUMN response_types VARCHAR(64) NOT NULL DEFAULT 'code';
ALTER TABLE clients ADD COLUMN jwks TEXT NULL;
ALTER TABLE clients ADD COLUMN jwks_uri VARCHAR(2000) NULL;
ALTER TABLE clients ADD COLUMN token_endpoint_auth_signing_alg VARCHAR(16) NULL;
ALTER TABLE clients ADD COLUMN registration_token_hash CHAR(64) NULL;
-- Clients registered before: what their type could do (ClientAuthSettings.defaultsFor).
UPDATE clients SET token_endpoint_auth_method = 'none',
    grant_types = 'authorization_code refresh_token urn:ietf:params:oauth:grant-type:device_code'
    WHERE type = 'public';
UPDATE clients SET grant_types = 'client_credentials urn:ietf:params:oauth:grant-type:device_code', response_types = ''
    WHERE type = 'confidential'
      AND NOT EXISTS (SELECT 1 FROM client_redirect_uris r WHERE r.client_id = clients.id);
