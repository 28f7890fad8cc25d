-- Stories in the dashboard (issue 13, item 6). A site may close a story's comments N days after its first comment
-- (site setting closeAfterDays); that closing is computed when asked, never stored. A moderator who reopens a
-- story starts the N days again from the reopening, so the story keeps the time of its last reopening.
-- Kept in step with db/postgresql/V11_5__stories.sql.
ALTER TABLE stories ADD COLUMN reopened_at BIGINT;
