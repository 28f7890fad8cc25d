-- OpenID Connect sign-in (issue 14, item 1). Kept in step with db/postgresql/V12_1__oidc_sign_in.sql.

-- A site's OpenID providers as JSON, written by SiteStore alone: a list of {provider, issuer, clientId,
-- clientSecret}. The secret is stored as the admin gave it (the database is trusted) and never leaves the server.
ALTER TABLE sites ADD COLUMN oidc TEXT;

-- An identity at an OpenID provider (issuer, sub) behind a Parley account. A new identity makes a new reader
-- without password; it joins an existing account only when that account's owner, signed in, links it. The e-mail is
-- kept only when the provider says it verified it, and is never used to find or merge accounts.
CREATE TABLE oidc_identities (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    provider    TEXT NOT NULL,          -- the site's name for the provider when it was first used: google, …
    email       TEXT,                   -- the token's email when email_verified was true, as last given
    created_at  BIGINT NOT NULL,
    last_seen   BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_by_account ON oidc_identities (account_id);

-- Sign-ins under way, between the redirect to the provider and its answer: used once, ten minutes at most.
CREATE TABLE oidc_logins (
    state           TEXT PRIMARY KEY,   -- the hash of the state sent to the provider
    browser_hash    TEXT NOT NULL,      -- the hash of the cookie that ties the sign-in to the browser that began it
    site_id         TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    provider        TEXT NOT NULL,
    nonce           TEXT NOT NULL,
    code_verifier   TEXT NOT NULL,
    return_url      TEXT NOT NULL,
    link_account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE, -- set when a signed-in reader links
    created_at      BIGINT NOT NULL
);
CREATE INDEX oidc_logins_by_created ON oidc_logins (created_at);
