-- Parley's schema on SQLite. Times are epoch milliseconds (UTC); flags are 0/1; ids are opaque text.
-- Kept in step with db/postgresql/V1__schema.sql: the same tables, columns and indexes.

CREATE TABLE sites (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    origins     TEXT NOT NULL,          -- allowed origins, one per line
    guidelines  TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,  -- stored lower-cased
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL,         -- reader | moderator | admin
    created_at     BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,       -- SHA-256 of the cookie value; the value itself is never stored
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf          TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE stories (
    id             TEXT PRIMARY KEY,
    site_id        TEXT NOT NULL REFERENCES sites (id),
    url            TEXT NOT NULL,
    title          TEXT NOT NULL,
    status         TEXT NOT NULL,         -- open | closed
    comment_count  INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    UNIQUE (site_id, url)
);

CREATE TABLE comments (
    id             TEXT PRIMARY KEY,
    story_id       TEXT NOT NULL REFERENCES stories (id),
    parent_id      TEXT REFERENCES comments (id),
    root_id        TEXT NOT NULL,         -- the top-level comment of its thread (itself when top-level)
    depth          INTEGER NOT NULL,      -- 0 for top-level
    reply_to_id    TEXT REFERENCES comments (id),  -- the comment answered, when deeper than the shown depth
    author_id      TEXT NOT NULL REFERENCES accounts (id),
    body           TEXT NOT NULL,
    html           TEXT NOT NULL,
    status         TEXT NOT NULL,         -- published | pending | rejected | removed
    featured       SMALLINT NOT NULL DEFAULT 0,
    respect_count  INTEGER NOT NULL DEFAULT 0,
    reply_count    INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    edited_at      BIGINT
);
CREATE INDEX comments_top_level ON comments (story_id, depth, created_at);
CREATE INDEX comments_by_root ON comments (root_id);
CREATE INDEX comments_by_author ON comments (author_id, created_at);

CREATE TABLE comment_revisions (
    comment_id  TEXT NOT NULL REFERENCES comments (id),
    revision    INTEGER NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (comment_id, revision)
);

CREATE TABLE respects (
    comment_id  TEXT NOT NULL REFERENCES comments (id),
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (comment_id, account_id)
);
CREATE INDEX respects_by_reader ON respects (account_id, story_id);

CREATE TABLE reports (
    id          TEXT PRIMARY KEY,
    comment_id  TEXT NOT NULL REFERENCES comments (id),
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    note        TEXT,
    created_at  BIGINT NOT NULL,
    UNIQUE (comment_id, account_id)
);
CREATE INDEX reports_by_reader ON reports (account_id, story_id);
