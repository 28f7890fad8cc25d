-- Privacy: secrets every instance shares (the key of the IP-address hashes), client addresses kept only as keyed
-- hashes and only for PARLEY_IP_RETENTION_DAYS, and the mark of a deleted account.
-- Kept in step with db/postgresql/V8_2__privacy.sql.

CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE client_addresses (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    action      TEXT NOT NULL,           -- signup | comment | report
    ref_id      TEXT,                    -- the comment posted or reported; null for a sign-up
    ip_hash     TEXT NOT NULL,           -- hex HMAC-SHA256 of the address under server_secrets 'ip_hash_key'
    created_at  BIGINT NOT NULL
);
CREATE INDEX client_addresses_by_account ON client_addresses (account_id, created_at);
CREATE INDEX client_addresses_by_time ON client_addresses (created_at);

ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;   -- set when the reader deleted the account; personal data erased
