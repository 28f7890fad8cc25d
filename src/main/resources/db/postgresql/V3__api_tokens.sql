-- API tokens for integrations: a bearer token stands for its account; only its SHA-256 is stored.
-- Kept in step with db/sqlite/V3__api_tokens.sql.

CREATE TABLE api_tokens (
    token_hash  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
