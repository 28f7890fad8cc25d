package org.parley.imports;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.comment.Placement;

/** The SQL of imports: which source comment became which of ours ({@code imported_comments}, migration V5). */
final class ImportStore {

    private ImportStore() {
    }

    /** Where the comment imported earlier from this source id sits, if it was. */
    static Optional<Imported> find(Handle handle, String source, String siteId, String sourceId) {
        return handle.createQuery("""
                        SELECT c.id, c.parent_id, c.root_id, c.depth, c.reply_to_id
                        FROM imported_comments i JOIN comments c ON c.id = i.comment_id
                        WHERE i.source = :source AND i.site_id = :site AND i.source_id = :sourceId""")
                .bind("source", source)
                .bind("site", siteId)
                .bind("sourceId", sourceId)
                .map((rs, ctx) -> new Imported(rs.getString("id"), new Placement(rs.getString("parent_id"),
                        rs.getString("root_id"), rs.getInt("depth"), rs.getString("reply_to_id"))))
                .findOne();
    }

    static void record(Handle handle, String source, String siteId, String sourceId, String commentId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO imported_comments (source, site_id, source_id, comment_id, created_at)
                        VALUES (:source, :site, :sourceId, :commentId, :now)""")
                .bind("source", source)
                .bind("site", siteId)
                .bind("sourceId", sourceId)
                .bind("commentId", commentId)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    static long count(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
    }

    /** A comment in the database: its id and its place in the thread. */
    record Imported(String commentId, Placement placement) {
    }
}
