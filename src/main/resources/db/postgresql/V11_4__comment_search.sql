-- Full-text search over comment bodies for moderators (issue 13, item 5). Kept in step with
-- db/sqlite/V11_4__comment_search.sql, which keeps an FTS5 table over the same bodies.
--
-- An expression index: PostgreSQL keeps it current on every insert, edit and delete by itself, so
-- comment/CommentStore stays the only writer of comments rows and nothing else writes search data. The 'simple'
-- configuration lower-cases and splits words without stemming or stop words, since sites are multilingual.
-- moderation/CommentSearch must write the indexed expression exactly as here for the planner to use it.
CREATE INDEX comments_body_search ON comments USING GIN (to_tsvector('simple', body));

-- Newest first over a whole site, and a status filter without words: both walk created_at.
CREATE INDEX comments_by_created ON comments (created_at);
CREATE INDEX comments_by_status_created ON comments (status, created_at);

-- Every result shows its author's record (published, pending, rejected); counted from this index alone, a busy
-- author's tens of thousands of comments cost milliseconds, not a read of each row (the queue gains too).
CREATE INDEX comments_by_author_status ON comments (author_id, status);

-- Statistics for the new expression at once (autovacuum analyzes only after enough rows change): without them
-- the planner guesses how common a word is and may walk created_at for a rare one.
ANALYZE comments;
