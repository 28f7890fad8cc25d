-- Learning from moderators: the category a moderator names when rejecting, and each site's trained models (kept,
-- at most one active; none active means the shipped model). Kept in step with db/postgresql/V4__site_models.sql;
-- the only difference is the type of the model bytes.

ALTER TABLE moderation_log ADD COLUMN category TEXT;                 -- rude | aggressive | derogatory | discriminatory

CREATE TABLE site_models (
    site_id        TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    version        TEXT NOT NULL,        -- the model's content hash, as comments.model_version stores it
    created_at     BIGINT NOT NULL,
    created_by     TEXT,                 -- the admin's account id; null when trained from the command line
    active         SMALLINT NOT NULL DEFAULT 0,
    activated_at   BIGINT,               -- when last switched on; rollback returns to the latest before the current
    base_version   TEXT NOT NULL,        -- the model it was compared with (the active one, or the shipped one)
    metric_before  DOUBLE PRECISION,     -- ROC-AUC of uncivil on the held-back decisions, base model; null if undefined
    metric_after   DOUBLE PRECISION,     -- the same for this model
    metrics        TEXT NOT NULL DEFAULT '{}', -- JSON {category: [before, after]} where the held-back slice labels it
    held_back      INTEGER NOT NULL,
    examples       INTEGER NOT NULL,     -- the site's decisions it was trained on
    model          BLOB NOT NULL,
    PRIMARY KEY (site_id, version)
);
