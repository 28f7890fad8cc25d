-- The Digital Services Act: what a statement of reasons rests on, notices of illegal content (Art. 16) and internal
-- complaints against decisions (Art. 20). See docs/dsa.md. Kept in step with db/sqlite/V11_1__dsa.sql.

-- The passages a restriction rests on, as JSON [{category, text}], and its ground: 'guidelines' (the site's
-- community guidelines) or 'illegal' (a notice of illegal content, the legal category in moderation_log.category).
ALTER TABLE moderation_log ADD COLUMN facts TEXT;
ALTER TABLE moderation_log ADD COLUMN ground TEXT;
CREATE INDEX moderation_log_by_comment ON moderation_log (comment_id, created_at);

CREATE TABLE notices (
    id                   TEXT PRIMARY KEY,
    site_id              TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    comment_id           TEXT NOT NULL REFERENCES comments (id),
    category             TEXT NOT NULL,      -- the legal category, see notice/NoticeCategory
    explanation          TEXT NOT NULL,      -- why the notifier holds the content illegal
    notifier_account_id  TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    notifier_name        TEXT,               -- optional only where the law allows (see docs/dsa.md)
    notifier_email       TEXT,
    good_faith           SMALLINT NOT NULL,  -- the notifier stated the notice is accurate and complete
    status               TEXT NOT NULL,      -- open | actioned | dismissed
    decided_by           TEXT,               -- the moderator who decided it
    decided_at           BIGINT,
    decision_reason      TEXT,               -- the reasons mailed to the notifier
    created_at           BIGINT NOT NULL
);
CREATE INDEX notices_by_status ON notices (site_id, status, created_at);
CREATE INDEX notices_by_comment ON notices (comment_id);

CREATE TABLE appeals (
    id                TEXT PRIMARY KEY,
    site_id           TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    comment_id        TEXT NOT NULL REFERENCES comments (id),
    appellant_id      TEXT REFERENCES accounts (id) ON DELETE SET NULL,  -- the author, or a signed-in notifier
    notice_id         TEXT REFERENCES notices (id),  -- set when a notifier contests the decision on a notice
    reason            TEXT NOT NULL,
    contested_log_id  TEXT,              -- the moderation_log entry of the decision contested
    contested_action  TEXT NOT NULL,     -- that entry's action (rejected, held, reject, remove, dismiss_notice …)
    contested_by      TEXT,              -- who decided it; null when the pipeline did
    status            TEXT NOT NULL,     -- open | upheld | dismissed
    decided_by        TEXT,
    decided_at        BIGINT,
    outcome_reason    TEXT,              -- the reasons given to the appellant
    created_at        BIGINT NOT NULL
);
CREATE INDEX appeals_by_status ON appeals (site_id, status, created_at);
CREATE INDEX appeals_by_comment ON appeals (comment_id);
