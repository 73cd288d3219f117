-- OpenID Connect client settings (issue 10), registered through the v1 API.
-- post_logout_redirect_uris: the URIs RP-initiated logout may redirect to, space-separated in
-- registered order (a redirect URI never holds a space), like allowed_scopes: read with the client
-- row on every authorize and logout, so no second query; at most 20 URIs of 2000 characters.
-- subject_type: public or pairwise. default_max_age: seconds, absent when not registered.
ALTER TABLE clients ADD COLUMN post_logout_redirect_uris TEXT NULL;
ALTER TABLE clients ADD COLUMN subject_type VARCHAR(16) NOT NULL DEFAULT 'public';
ALTER TABLE clients ADD COLUMN default_max_age BIGINT NULL;
