package org.parley.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
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
 * <p>The dialects differ in the word match. PostgreSQL: {@code to_tsvector('simple', body)}, written exactly as
 * the GIN index is, so its planner chooses between that index (rare words) and walking {@code created_at} newest
 * first while checking each row (common words). SQLite's planner cannot weigh an FTS5 match, so the choice is
 * made here: the matches are counted up to {@link #FEW_MATCHES} first (cheap, from the index alone); fewer, and
 * the comments are fetched by the rowids FTS5 lists and sorted; as many or more, and the comments are walked
 * newest first (by {@code created_at}, or the status or author index when those filter) and each is checked
 * against FTS5 by its rowid until a page is full, which takes about {@code 50 × total / matches} checks. The
 * {@code CROSS JOIN} of the story keeps SQLite from starting at the site's stories instead. The threshold is
 * near the square root of 50 × a million, where both ways cost about the same (bench/search.sh).
 */
public final class CommentSearch {

    public static final int PAGE_SIZE = 50;
    /** On SQLite: below this many matching comments, fetch the matches; from it on, walk newest first. */
    static final int FEW_MATCHES = 8_000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final int fewMatches;

    public CommentSearch(Jdbi jdbi, Dialect dialect) {
        this(jdbi, dialect, FEW_MATCHES);
    }

    /** With another threshold between SQLite's two ways, so that tests can take both on a few comments. */
    CommentSearch(Jdbi jdbi, Dialect dialect, int fewMatches) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.fewMatches = fewMatches;
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
        return jdbi.withHandle(handle -> {
            StringBuilder sql = new StringBuilder(dialect == Dialect.SQLITE ? Queue.itemSelect("CROSS JOIN")
                    : Queue.ITEM_SELECT).append(" WHERE s.site_id = :site");
            if (!criteria.words().isEmpty()) {
                sql.append(wordMatch(handle, criteria.words()));
            }
            return page(handle, sql, criteria, after);
        });
    }

    /** The SQL condition for the words, chosen for SQLite by how many comments hold them (see the class comment). */
    private String wordMatch(Handle handle, SearchWords words) {
        if (dialect == Dialect.POSTGRESQL) {
            return " AND to_tsvector('simple', c.body) @@ plainto_tsquery('simple', :words)";
        }
        int matches = handle.createQuery("SELECT COUNT(*) FROM (SELECT rowid FROM comments_fts"
                        + " WHERE comments_fts MATCH :words LIMIT " + fewMatches + ")")
                .bind("words", words.fts5())
                .mapTo(Integer.class)
                .one();
        return matches < fewMatches
                ? " AND c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :words)"
                : " AND EXISTS (SELECT 1 FROM comments_fts WHERE comments_fts MATCH :words"
                        + " AND comments_fts.rowid = c.rowid)";
    }

    private Page page(Handle handle, StringBuilder sql, Criteria criteria, Cursor after) {
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
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
