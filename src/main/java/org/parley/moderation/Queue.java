package org.parley.moderation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.comment.Comment;
import org.parley.comment.CommentStore;
import org.parley.site.SiteSettings;
import org.parley.store.Cursor;

/**
 * Reads a site's moderation queues a page at a time: three queries a page (the comments, their reports, their
 * authors' records), however long the page. Moderators' search ({@link CommentSearch}) builds its items the same
 * way. Thread-safe.
 */
public final class Queue {

    public static final int PAGE_SIZE = 25;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };

    /** A queue item's columns, its comment's joins and its story (as {@code s}), up to the WHERE clause. */
    static final String ITEM_SELECT = itemSelect("JOIN");

    /**
     * {@link #ITEM_SELECT} for SQLite with the comment as the outer loop, so that its planner walks the comments'
     * own indexes: SQLite never reorders a {@code CROSS JOIN}, whose left table it reads first. PostgreSQL has no
     * {@code CROSS JOIN … ON}.
     */
    static final String ITEM_SELECT_COMMENTS_FIRST = itemSelect("CROSS JOIN")
            .replace("\nJOIN accounts a ON", "\nCROSS JOIN accounts a ON");

    private static String itemSelect(String storyJoin) {
        return "SELECT " + CommentStore.SELECT_COLUMNS + """
                , c.scores, c.model_version, c.reasons AS reasons_json, c.decided_at,
                  s.url AS story_url, s.title AS story_title
                """ + CommentStore.JOINS + " " + storyJoin + " stories s ON s.id = c.story_id";
    }

    private final Jdbi jdbi;

    public Queue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One page of a queue and the cursor of the next, or null. */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    public Page list(String siteId, QueueKind kind, String cursor, SiteSettings settings) {
        Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, 2);
        return jdbi.withHandle(handle -> {
            StringBuilder sql = new StringBuilder(ITEM_SELECT).append(" WHERE s.site_id = :site AND ")
                    .append(predicate(kind, settings));
            String key = kind == QueueKind.APPROVED ? "c.decided_at" : "c.created_at";
            boolean ascending = kind == QueueKind.PENDING || kind == QueueKind.REPORTED;
            if (after != null) {
                String op = ascending ? ">" : "<";
                sql.append(" AND (").append(key).append(' ').append(op).append(" :k OR (").append(key)
                        .append(" = :k AND c.id ").append(op).append(" :id))");
            }
            String direction = ascending ? " ASC" : " DESC";
            sql.append(" ORDER BY ").append(key).append(direction).append(", c.id").append(direction)
                    .append(" LIMIT ").append(PAGE_SIZE + 1);
            Query query = handle.createQuery(sql.toString()).bind("site", siteId);
            if (after != null) {
                query.bind("k", after.getLong(0)).bind("id", after.get(1));
            }
            List<Row> rows = query.map(Queue::row).list();
            boolean more = rows.size() > PAGE_SIZE;
            List<Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
            List<QueueItem> items = items(handle, page);
            String next = null;
            if (more) {
                Row last = page.get(page.size() - 1);
                long lastKey = kind == QueueKind.APPROVED ? last.decidedAt()
                        : last.comment().createdAt().toEpochMilli();
                next = Cursor.of(Long.toString(lastKey), last.comment().id()).encode();
            }
            return new Page(items, next);
        });
    }

    /** Queue items for rows selected with {@link #ITEM_SELECT}: two more queries, reports and authors' records. */
    static List<QueueItem> items(Handle handle, List<Row> page) {
        Map<String, List<QueueItem.ReportCount>> reports = reports(handle, page);
        Map<String, QueueItem.AuthorRecord> records = authorRecords(handle, page);
        List<QueueItem> items = new ArrayList<>();
        for (Row row : page) {
            items.add(new QueueItem(row.comment(), row.story(), parse(row.scores(), SCORES),
                    row.modelVersion(), row.reasons() == null ? List.of() : parse(row.reasons(), REASONS),
                    reports.getOrDefault(row.comment().id(), List.of()),
                    records.get(row.comment().authorId())));
        }
        return items;
    }

    /** Maps a row selected with {@link #ITEM_SELECT}. */
    static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(CommentStore.comment(rs, ctx),
                new QueueItem.StoryRef(rs.getString("story_id"), rs.getString("story_url"),
                        rs.getString("story_title")),
                rs.getString("scores"), rs.getString("model_version"), rs.getString("reasons_json"),
                rs.getLong("decided_at"));
    }

    /** How many comments wait in each queue of a site. */
    public Map<String, Long> counts(String siteId, SiteSettings settings) {
        return jdbi.withHandle(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (QueueKind kind : QueueKind.values()) {
                counts.put(kind.code(), handle.createQuery("SELECT COUNT(*) FROM comments c JOIN stories s"
                                + " ON s.id = c.story_id WHERE s.site_id = :site AND " + predicate(kind, settings))
                        .bind("site", siteId)
                        .mapTo(Long.class)
                        .one());
            }
            return counts;
        });
    }

    /** The SQL condition of a queue; the report threshold is a number from the settings, never user text. */
    private static String predicate(QueueKind kind, SiteSettings settings) {
        return switch (kind) {
            case PENDING -> "c.status = 'pending'";
            case REPORTED -> "c.open_reports >= " + settings.reportsToQueue()
                    + " AND c.status IN ('published', 'pending')";
            case REJECTED -> "c.status = 'rejected'";
            case APPROVED -> "c.status = 'published' AND c.decided_by IS NOT NULL";
        };
    }

    private static Map<String, List<QueueItem.ReportCount>> reports(Handle handle, List<Row> rows) {
        Map<String, List<QueueItem.ReportCount>> reports = new HashMap<>();
        if (rows.isEmpty()) {
            return reports;
        }
        handle.createQuery("SELECT comment_id, reason, COUNT(*) AS n FROM reports WHERE comment_id IN (<ids>)"
                        + " GROUP BY comment_id, reason ORDER BY n DESC")
                .bindList("ids", rows.stream().map(row -> row.comment().id()).toList())
                .map((rs, ctx) -> {
                    reports.computeIfAbsent(rs.getString("comment_id"), id -> new ArrayList<>())
                            .add(new QueueItem.ReportCount(rs.getString("reason"), rs.getLong("n")));
                    return null;
                })
                .list();
        return reports;
    }

    private static Map<String, QueueItem.AuthorRecord> authorRecords(Handle handle, List<Row> rows) {
        Map<String, QueueItem.AuthorRecord> records = new HashMap<>();
        if (rows.isEmpty()) {
            return records;
        }
        // Counted per status from the index (author_id, status) alone, then folded here.
        handle.createQuery("SELECT author_id, status, COUNT(*) AS n FROM comments WHERE author_id IN (<authors>)"
                        + " GROUP BY author_id, status")
                .bindList("authors", rows.stream().map(row -> row.comment().authorId()).distinct().toList())
                .map((rs, ctx) -> {
                    QueueItem.AuthorRecord before = records.getOrDefault(rs.getString("author_id"),
                            new QueueItem.AuthorRecord(0, 0, 0));
                    long n = rs.getLong("n");
                    records.put(rs.getString("author_id"), switch (rs.getString("status")) {
                        case "published" -> new QueueItem.AuthorRecord(n, before.pending(), before.rejected());
                        case "pending" -> new QueueItem.AuthorRecord(before.published(), n, before.rejected());
                        case "rejected" -> new QueueItem.AuthorRecord(before.published(), before.pending(), n);
                        default -> before;
                    });
                    return null;
                })
                .list();
        return records;
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable moderation data: " + json, e);
        }
    }

    record Row(Comment comment, QueueItem.StoryRef story, String scores, String modelVersion,
            String reasons, long decidedAt) {
    }
}
