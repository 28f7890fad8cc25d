package org.parley.moderation;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.store.Cursor;

/** Reads the moderation log of a site (with the installation-wide entries), newest first. Thread-safe. */
public final class ModerationLog {

    public static final int PAGE_SIZE = 50;

    private final Jdbi jdbi;

    public ModerationLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One log entry as moderators read it; {@code actor} is null when the pipeline decided. */
    public record Entry(String id, Instant at, String action, Person actor, Person subject, String commentId,
            String reason, String scores, String modelVersion) {
    }

    /** An account named in the log. */
    public record Person(String id, String displayName) {
    }

    public record Page(List<Entry> entries, String nextCursor) {
    }

    /** A page of entries, optionally only of one action or one actor ({@code "pipeline"} for the pipeline). */
    public Page list(String siteId, String cursor, String action, String actor) {
        Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder("""
                SELECT l.id, l.created_at, l.action, l.actor_id, aa.display_name AS actor_name, l.subject_id,
                       sa.display_name AS subject_name, l.comment_id, l.reason, l.scores, l.model_version
                FROM moderation_log l
                LEFT JOIN accounts aa ON aa.id = l.actor_id
                LEFT JOIN accounts sa ON sa.id = l.subject_id
                WHERE l.site_id IN (:site, '*')""");
        if (action != null && !action.isBlank()) {
            sql.append(" AND l.action = :action");
        }
        if ("pipeline".equals(actor)) {
            sql.append(" AND l.actor_id IS NULL");
        } else if (actor != null && !actor.isBlank()) {
            sql.append(" AND l.actor_id = :actor");
        }
        if (after != null) {
            sql.append(" AND (l.created_at < :t OR (l.created_at = :t AND l.id < :id))");
        }
        sql.append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ").append(PAGE_SIZE + 1);
        List<Entry> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("site", siteId);
            if (action != null && !action.isBlank()) {
                query.bind("action", action);
            }
            if (actor != null && !actor.isBlank() && !"pipeline".equals(actor)) {
                query.bind("actor", actor);
            }
            if (after != null) {
                query.bind("t", after.getLong(0)).bind("id", after.get(1));
            }
            return query.map((rs, ctx) -> new Entry(rs.getString("id"),
                    Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("action"),
                    person(rs.getString("actor_id"), rs.getString("actor_name")),
                    person(rs.getString("subject_id"), rs.getString("subject_name")),
                    rs.getString("comment_id"), rs.getString("reason"), rs.getString("scores"),
                    rs.getString("model_version"))).list();
        });
        boolean more = rows.size() > PAGE_SIZE;
        List<Entry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        String next = more ? Cursor.of(Long.toString(page.get(page.size() - 1).at().toEpochMilli()),
                page.get(page.size() - 1).id()).encode() : null;
        return new Page(page, next);
    }

    private static Person person(String id, String name) {
        return id == null ? null : new Person(id, name);
    }
}
