package org.parley.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.comment.CommentStatus;
import org.parley.store.Cursor;
import org.parley.store.Dialect;

/**
 * Searches a site's comments for its moderators: full-text words over the bodies combined with filters, newest
 * first, a keyset page at a time, answered as {@link QueueItem}s so the dashboard renders them as queue items.
 * Read-only; the indexes are kept by the database (migration V11_4). Thread-safe.
 *
 * <p>The one dialect difference is the word match: on SQLite the FTS5 table {@code comments_fts}, keyed by the
 * rowid of {@code comments}; on PostgreSQL {@code to_tsvector('simple', body)}, written exactly as the GIN index
 * is, so the planner can choose between that index and walking {@code created_at} for common words.
 */
public final class CommentSearch {

    public static final int PAGE_SIZE = 50;

    private final Jdbi jdbi;
    private final Dialect dialect;

    public CommentSearch(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * What to look for in one site. Null fields do not filter. {@code authorId} is one account;
     * {@code authorText} a case-insensitive substring of authors' display names or e-mail addresses;
     * {@code from} is inclusive and {@code to} exclusive.
     */
    public record Criteria(String site, SearchWords words, String authorId, String authorText, String storyId,
            CommentStatus status, Instant from, Instant to) {

        /** Whether anything narrows the search beyond the site. */
        public boolean narrows() {
            return !words.isEmpty() || authorId != null || authorText != null || storyId != null || status != null
                    || from != null || to != null;
        }
    }

    /** One page of results and the cursor of the next, or null. */
    public record Page(List<QueueItem> items, String nextCursor) {
    }

    public Page search(Criteria criteria, String cursor) {
        Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder(Queue.ITEM_SELECT).append(" WHERE s.site_id = :site");
        if (!criteria.words().isEmpty()) {
            sql.append(dialect == Dialect.SQLITE
                    ? " AND c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :words)"
                    : " AND to_tsvector('simple', c.body) @@ plainto_tsquery('simple', :words)");
        }
        if (criteria.authorId() != null) {
            sql.append(" AND c.author_id = :author");
        }
        if (criteria.authorText() != null) {
            sql.append(" AND c.author_id IN (SELECT id FROM accounts WHERE lower(display_name) LIKE :pattern"
                    + " ESCAPE '!' OR lower(email) LIKE :pattern ESCAPE '!')");
        }
        if (criteria.storyId() != null) {
            sql.append(" AND c.story_id = :story");
        }
        if (criteria.status() != null) {
            sql.append(" AND c.status = :status");
        }
        if (criteria.from() != null) {
            sql.append(" AND c.created_at >= :from");
        }
        if (criteria.to() != null) {
            sql.append(" AND c.created_at < :to");
        }
        if (after != null) {
            sql.append(" AND (c.created_at < :k OR (c.created_at = :k AND c.id < :id))");
        }
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ").append(PAGE_SIZE + 1);
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("site", criteria.site());
            if (!criteria.words().isEmpty()) {
                query.bind("words", dialect == Dialect.SQLITE ? criteria.words().fts5() : criteria.words().plain());
            }
            if (criteria.authorId() != null) {
                query.bind("author", criteria.authorId());
            }
            if (criteria.authorText() != null) {
                query.bind("pattern", "%" + likeEscaped(criteria.authorText().toLowerCase(Locale.ROOT)) + "%");
            }
            if (criteria.storyId() != null) {
                query.bind("story", criteria.storyId());
            }
            if (criteria.status() != null) {
                query.bind("status", criteria.status().code());
            }
            if (criteria.from() != null) {
                query.bind("from", criteria.from().toEpochMilli());
            }
            if (criteria.to() != null) {
                query.bind("to", criteria.to().toEpochMilli());
            }
            if (after != null) {
                query.bind("k", after.getLong(0)).bind("id", after.get(1));
            }
            List<Queue.Row> rows = query.map(Queue::row).list();
            boolean more = rows.size() > PAGE_SIZE;
            List<Queue.Row> page = more ? rows.subList(0, PAGE_SIZE) : rows;
            String next = null;
            if (more) {
                Queue.Row last = page.get(page.size() - 1);
                next = Cursor.of(Long.toString(last.comment().createdAt().toEpochMilli()), last.comment().id())
                        .encode();
            }
            return new Page(Queue.items(handle, page), next);
        });
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
