-- Full-text search over comment bodies for moderators (issue 13, item 5). Kept in step with
-- db/postgresql/V11_4__comment_search.sql, which indexes the same bodies with a GIN index.
--
-- comments_fts is an external-content FTS5 table: it stores only the index, keyed by the rowid of comments, and
-- reads bodies from comments itself. The triggers below keep it in step with every insert, edit of the body and
-- delete. They are the database's own bookkeeping, not a second Java writer: comment/CommentStore stays the only
-- code that writes comments rows, and no Java code writes comments_fts.
--
-- Tokens: unicode61 without removing diacritics, so "güzel" and "guzel" stay two words, as PostgreSQL's 'simple'
-- configuration keeps them (sites are multilingual; no stemming). The rowid of comments is implicit (its key is
-- a TEXT id): a plain VACUUM could renumber it, so run INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')
-- after one. Parley itself never vacuums the live file (backups are VACUUM INTO a new file).
CREATE VIRTUAL TABLE comments_fts USING fts5(
    body,
    content = 'comments',
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO comments_fts (comments_fts) VALUES ('rebuild');

CREATE TRIGGER comments_fts_after_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comments_fts (rowid, body) VALUES (new.rowid, new.body);
END;

CREATE TRIGGER comments_fts_after_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;

CREATE TRIGGER comments_fts_after_update AFTER UPDATE OF body ON comments BEGIN
    INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO comments_fts (rowid, body) VALUES (new.rowid, new.body);
END;

-- Newest first over a whole site, and a status filter without words: both walk created_at.
CREATE INDEX comments_by_created ON comments (created_at);
CREATE INDEX comments_by_status_created ON comments (status, created_at);

-- Every result shows its author's record (published, pending, rejected); counted from this index alone, a busy
-- author's tens of thousands of comments cost milliseconds, not a read of each row (the queue gains too).
CREATE INDEX comments_by_author_status ON comments (author_id, status);
