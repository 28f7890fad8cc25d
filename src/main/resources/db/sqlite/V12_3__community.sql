-- The readers' community (issue 14, item 3): mutes, followed threads and the last look at replies.
-- Kept in step with db/postgresql/V12_3__community.sql.

-- A reader's mutes hold on every site (accounts are global): the muted author's comments are collapsed for the
-- muter only. Written by community/MuteStore.
CREATE TABLE mutes (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    muted_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, muted_id)
);

-- Threads a reader follows: one mail at most hourly about the comments published since the last one. Written by
-- community/FollowStore, with the comments published since the last mail (not the reader's own) waiting in
-- follow_news until it goes.
CREATE TABLE thread_follows (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    sent_at     BIGINT NOT NULL,          -- when the last mail was queued (the follow's start before the first)
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, story_id)
);
CREATE INDEX thread_follows_story ON thread_follows (story_id);

CREATE TABLE follow_news (
    account_id    TEXT NOT NULL,
    story_id      TEXT NOT NULL,
    comment_id    TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    published_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, story_id, comment_id),
    FOREIGN KEY (account_id, story_id) REFERENCES thread_follows (account_id, story_id) ON DELETE CASCADE
);

-- When a reader last looked at the replies to their comments on a site. Written by community/VisitStore.
CREATE TABLE reader_visits (
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    seen_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, site_id)
);
