-- The proof-of-work solutions already accepted (issue 14, item 2): each ALTCHA challenge is answered once, so a
-- solution sent again is refused. A row lives until its challenge expires, then challenge/SpentChallenges drops it.
-- Kept in step with db/sqlite/V12_2__spent_challenges.sql.
CREATE TABLE spent_challenges (
    signature TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX spent_challenges_by_expiry ON spent_challenges (expires_at);
