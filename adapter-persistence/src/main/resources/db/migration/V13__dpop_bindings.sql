-- DPoP (issue 11, RFC 9449): the JWK SHA-256 thumbprint (base64url, 43 characters) a token or code
-- is bound to. access_tokens.jkt: the cnf.jkt of a DPoP-bound access token; refresh_tokens.jkt: a
-- public client's refresh token issued with a proof; authorization_codes.dpop_jkt: the dpop_jkt of
-- the authorization request. NULL when unbound (bearer tokens, every row before this migration).
ALTER TABLE access_tokens ADD COLUMN jkt VARCHAR(43) NULL;
ALTER TABLE refresh_tokens ADD COLUMN jkt VARCHAR(43) NULL;
ALTER TABLE authorization_codes ADD COLUMN dpop_jkt VARCHAR(43) NULL;
