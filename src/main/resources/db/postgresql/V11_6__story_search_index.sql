-- A story's comments newest first, for the moderators' search within one story (issue 13, item 5): without it a
-- search for a word in one of the busiest stories sorted all of that story's comments, or walked the whole site's.
-- Measured over a million comments on PostgreSQL (bench/results/2026-12-07-search.md): "story + word" from 138 ms
-- to 77 ms at p95. Kept in step with db/sqlite/V11_6__story_search_index.sql.
CREATE INDEX comments_by_story_created ON comments (story_id, created_at);
