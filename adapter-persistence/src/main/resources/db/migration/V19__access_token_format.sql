-- Reference (opaque) access tokens chosen per client: 'jwt' (signed, RFC 9068) or 'reference' (a random
-- string, found by its hash like every access token). Every client registered before the choice existed
-- keeps JWTs.
ALTER TABLE clients ADD COLUMN access_token_format VARCHAR(16) NOT NULL DEFAULT 'jwt';
