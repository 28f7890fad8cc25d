-- Webhooks: each site's receivers, and the persistent queue of deliveries the background sender works through.
-- Kept in step with db/postgresql/V8_1__webhooks.sql.

CREATE TABLE webhooks (
    id          TEXT PRIMARY KEY,
    site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,           -- signs each body (HMAC-SHA256); the API shows it once, at creation
    events      TEXT NOT NULL,           -- event names separated by spaces, e.g. 'comment.created user.banned'
    active      SMALLINT NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL
);
CREATE INDEX webhooks_by_site ON webhooks (site_id);

CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,   -- sent as X-Parley-Delivery
    webhook_id       TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            TEXT NOT NULL,
    payload          TEXT NOT NULL,      -- the exact body sent, so a signature stays checkable on re-sends
    status           TEXT NOT NULL,      -- pending | delivered | failed
    attempts         INTEGER NOT NULL DEFAULT 0,
    retry_since      BIGINT NOT NULL,    -- start of the 24-hour retry window (creation, or the last manual re-send)
    next_attempt_at  BIGINT NOT NULL,
    claimed_until    BIGINT NOT NULL DEFAULT 0, -- an instance sending it holds it until then
    response_code    INTEGER,            -- of the last attempt; null when no answer came
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    delivered_at     BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, created_at);
