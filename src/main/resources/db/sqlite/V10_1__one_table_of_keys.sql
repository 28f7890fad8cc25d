-- One table for the installation's secret keys: the mail-link key moves from signing_keys (V7_1) to
-- server_secrets (V8_2), value unchanged, so links signed before still verify; then signing_keys goes.
-- Kept in step with the other database's V10_1__one_table_of_keys.sql.

INSERT INTO server_secrets (name, value, created_at)
SELECT name, secret, created_at FROM signing_keys
WHERE name NOT IN (SELECT name FROM server_secrets);

DROP TABLE signing_keys;
