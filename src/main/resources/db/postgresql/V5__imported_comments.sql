-- Comments imported from another system (Disqus, WordPress): which source comment became which of ours, so that
-- running an import again adds nothing. Kept in step with db/sqlite/V5__imported_comments.sql.

CREATE TABLE imported_comments (
    source      TEXT NOT NULL,           -- disqus | wordpress
    site_id     TEXT NOT NULL REFERENCES sites (id),
    source_id   TEXT NOT NULL,           -- the comment's id in the source's export
    comment_id  TEXT NOT NULL REFERENCES comments (id),
    created_at  BIGINT NOT NULL,         -- when it was imported
    PRIMARY KEY (source, site_id, source_id)
);
