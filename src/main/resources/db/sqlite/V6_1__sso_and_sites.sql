-- Publisher sign-in (SSO), site languages and scoped API tokens.
-- Kept in step with db/postgresql/V6_1__sso_and_sites.sql.

-- A site's SSO keys, stored as the admin gave them (the database is trusted): an HS256 secret and/or an RS256
-- public key in PEM. Null: that method is off.
ALTER TABLE sites ADD COLUMN sso_secret TEXT;
ALTER TABLE sites ADD COLUMN sso_public_key TEXT;
ALTER TABLE sites ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- The publisher's user (site, subject) behind a Parley account. Such accounts have no password and a
-- placeholder e-mail; the e-mail the publisher vouched for is kept here and is never a log-in identity.
CREATE TABLE sso_links (
    site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL,          -- the token's sub
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email       TEXT,                   -- the token's email, as last given
    created_at  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (site_id, subject)
);
CREATE UNIQUE INDEX sso_links_by_account ON sso_links (account_id);

-- API tokens get a public id (to list and revoke them), and may be limited to one site and to a role below
-- their account's. Null site: every site the account may act on; null role: the account's own role.
ALTER TABLE api_tokens ADD COLUMN id TEXT;
ALTER TABLE api_tokens ADD COLUMN site_id TEXT REFERENCES sites (id) ON DELETE CASCADE;
ALTER TABLE api_tokens ADD COLUMN role TEXT;
UPDATE api_tokens SET id = substr(token_hash, 1, 20);
CREATE UNIQUE INDEX api_tokens_by_id ON api_tokens (id);
