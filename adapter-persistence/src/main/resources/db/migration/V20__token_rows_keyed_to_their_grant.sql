-- An access or refresh token names the client and account of its grant, and the grant's own foreign
-- keys hold those. Checking them again took a shared lock on the client's row (and the account's)
-- for every token written, all tokens of a client on one hot row: about a fifth of MariaDB's CPU per
-- client_credentials token (bench/README.md). The token tables keep their key to the grant, and an
-- access token its key to its refresh token. MySQL and MariaDB keep each dropped key's index, which
-- no query uses; dropping it too would take a statement H2 refuses, as H2 drops it with the key.
ALTER TABLE access_tokens DROP FOREIGN KEY fk_access_tokens_client;
ALTER TABLE access_tokens DROP FOREIGN KEY fk_access_tokens_account;
ALTER TABLE refresh_tokens DROP FOREIGN KEY fk_refresh_tokens_client;
ALTER TABLE refresh_tokens DROP FOREIGN KEY fk_refresh_tokens_account;
