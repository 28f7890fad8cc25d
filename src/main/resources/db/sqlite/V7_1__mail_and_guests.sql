-- E-mail and guests: verified addresses and mail preferences on accounts, the key that signs the links in mails,
-- the outgoing mail queue, and where each moderator's digest has got to. Guests are accounts with role 'guest',
-- no password, and the e-mail 'ADDRESS (guest)', which no real account can have. Kept in step with
-- db/postgresql/V7_1__mail_and_guests.sql.

ALTER TABLE accounts ADD COLUMN email_verified_at BIGINT;
ALTER TABLE accounts ADD COLUMN notify_replies SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN notify_queue SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE signing_keys (
    name        TEXT PRIMARY KEY,         -- what the key signs, e.g. 'mail-links'
    secret      TEXT NOT NULL,            -- base64 of 32 random bytes, made by the first instance to start
    created_at  BIGINT NOT NULL
);

CREATE TABLE mail_queue (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,       -- verify | reset | reply | digest
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    text_body        TEXT NOT NULL,
    html_body        TEXT,
    unsubscribe_url  TEXT,                -- List-Unsubscribe target; null for mail one cannot opt out of
    status           TEXT NOT NULL,       -- queued | sent | failed
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    claimed_until    BIGINT,              -- an instance is sending it until then
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);

CREATE TABLE moderator_digests (
    account_id     TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    covered_until  BIGINT NOT NULL,       -- queue items up to here were in a digest (or predate the opt-in)
    sent_at        BIGINT                 -- when the last digest was queued
);
