-- Moderation: what the pipeline decided and why, the site's moderation settings, bans, and the log of every
-- decision. Kept in step with db/postgresql/V2__moderation.sql.

ALTER TABLE sites ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';     -- JSON, see moderation/SiteSettings
ALTER TABLE stories ADD COLUMN premoderated SMALLINT NOT NULL DEFAULT 0;

ALTER TABLE comments ADD COLUMN scores TEXT;                          -- JSON {category: probability}
ALTER TABLE comments ADD COLUMN model_version TEXT;
ALTER TABLE comments ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';   -- JSON [{code, message}]

ALTER TABLE accounts ADD COLUMN banned_until BIGINT;                  -- epoch ms; far future for a ban
ALTER TABLE accounts ADD COLUMN ban_reason TEXT;
ALTER TABLE accounts ADD COLUMN warning TEXT;                         -- shown to the reader once

CREATE TABLE moderator_sites (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, site_id)
);

CREATE TABLE moderation_log (
    id             TEXT PRIMARY KEY,
    site_id        TEXT NOT NULL,
    comment_id     TEXT,
    subject_id     TEXT,                 -- the account acted on (the author, or the banned reader)
    actor_id       TEXT,                 -- the moderator; null when the pipeline decided
    action         TEXT NOT NULL,        -- published | held | rejected | approve | reject | feature | unfeature | ban | suspend | warn
    reason         TEXT,
    scores         TEXT,
    model_version  TEXT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX moderation_log_by_site ON moderation_log (site_id, created_at);
CREATE INDEX comments_by_status ON comments (story_id, status, created_at);
