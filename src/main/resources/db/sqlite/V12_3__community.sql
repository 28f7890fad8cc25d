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

-- A reader's profile setting: a hidden profile shows others only the name. Written by community/ProfileStore.
CREATE TABLE reader_profiles (
    account_id  TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    hidden      SMALLINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Staff badges shown beside names in a site's threads, set by the site's admins. Written by community/BadgeStore.
CREATE TABLE staff_badges (
    site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    badge       TEXT NOT NULL,            -- journalist | staff | moderator
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (site_id, account_id)
);
