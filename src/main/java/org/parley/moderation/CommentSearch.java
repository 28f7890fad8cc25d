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
 * <p>The dialects differ in the word match: PostgreSQL matches {@code to_tsvector('simple', body)}, written
 * exactly as the GIN index is; SQLite the FTS5 table. On both the plan is chosen here, by the number of matches
 * counted from the index alone up to {@link #FEW_MATCHES} (a few milliseconds): neither planner judges a word
 * search well (PostgreSQL's in {@link #postgresWordMatch}). On SQLite: fewer matches, and the comments are
 * fetched by the rowids FTS5 lists, then sorted. As many or more, and FTS5's rowids are gathered once into a set
 * (the unary {@code +} keeps SQLite from driving by them), first only those at or above the smallest rowid among
 * the newest {@link #WINDOW} comments (see {@link #window}), then, when that window holds no full page, all of
 * them, while the comments are walked newest first, by {@code created_at} or the status or author index when
 * those filter, until a page is full: about {@code 50 × total / matches} rows. Checking each row against FTS5 by its rowid instead costs a pass
 * over the word's whole doclist per row (measured: 90 s for one page of a word in a tenth of a million comments).
 * The comments are the outer loop ({@link Queue#ITEM_SELECT_COMMENTS_FIRST}), else SQLite starts at the site's
 * stories or the authors and sorts everything. The threshold is near the square root of 50 × a million, where
 * both ways cost about the same (bench/search.sh).
 */
public final class CommentSearch {

    public static final int PAGE_SIZE = 50;
    /** Below this many matching comments, fetch the matches; from it on, walk newest first. */
    static final int FEW_MATCHES = 8_000;
    /** On SQLite, walking newest first: how many of the newest comments the first, windowed try reads. */
    private static final int WINDOW = 2_000;
    private static final String WINDOW_SET = "{{window-set}}";
    private static final String WINDOW_ROWS = "{{window-rows}}";
    /** Up to this many authors matching a name, the search names them; beyond, it asks by a subquery. */
    static final int MANY_AUTHORS = 500;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final int fewMatches;
    private final int window;
    private final int pageSize;

    public CommentSearch(Jdbi jdbi, Dialect dialect) {
        this(jdbi, dialect, FEW_MATCHES, WINDOW, PAGE_SIZE);
    }

    /** With other thresholds, windows and pages, so that tests can take every way on a few comments. */
    CommentSearch(Jdbi jdbi, Dialect dialect, int fewMatches, int window, int pageSize) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.fewMatches = fewMatches;
        this.window = window;
        this.pageSize = pageSize;
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
        // PostgreSQL: one transaction, so that the planner settings below (SET LOCAL) end with it.
        return dialect == Dialect.POSTGRESQL ? jdbi.inTransaction(handle -> search(handle, criteria, after))
                : jdbi.withHandle(handle -> search(handle, criteria, after));
    }

    private Page search(Handle handle, Criteria criteria, Cursor after) {
        StringBuilder sql = new StringBuilder(dialect == Dialect.SQLITE ? Queue.ITEM_SELECT_COMMENTS_FIRST
                : Queue.ITEM_SELECT).append(" WHERE s.site_id = :site");
        if (!criteria.words().isEmpty()) {
            sql.append(wordMatch(handle, criteria.words()));
        }
        return page(handle, sql, criteria, after);
    }

    /** The SQL condition for the words, chosen for SQLite by how many comments hold them (see the class comment). */
    private String wordMatch(Handle handle, SearchWords words) {
        if (dialect == Dialect.POSTGRESQL) {
            return postgresWordMatch(handle, words);
        }
        int matches = handle.createQuery("SELECT COUNT(*) FROM (SELECT rowid FROM comments_fts"
                        + " WHERE comments_fts MATCH :words LIMIT " + fewMatches + ")")
                .bind("words", words.fts5())
                .mapTo(Integer.class)
                .one();
        return matches < fewMatches
                ? " AND c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :words)"
                : " AND +c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH :words" + WINDOW_SET + ")"
                        + WINDOW_ROWS;
    }

    /**
     * PostgreSQL's planner multiplies the shares of the words as if they were independent, and words of different
     * topics are rarer together than that: trusting its guess, it walked half a million comments for a pair found
     * in a few hundred (7 s). So the matches are counted here too, through the GIN index alone (the other ways
     * switched off for that count), and the plan is chosen by the count: few, and their ids are fetched first by
     * the index (an {@code ARRAY} subquery is planned and run on its own); many, and the comments are walked newest
     * first with bitmap scans switched off, so that it never fetches every match to sort them.
     */
    private String postgresWordMatch(Handle handle, SearchWords words) {
        String match = "to_tsvector('simple', body) @@ plainto_tsquery('simple', :words)";
        handle.execute("SET LOCAL enable_seqscan = off");
        handle.execute("SET LOCAL enable_indexscan = off");
        int matches = handle.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE " + match
                        + " LIMIT " + fewMatches + ") m")
                .bind("words", words.plain())
                .mapTo(Integer.class)
                .one();
        handle.execute("RESET enable_seqscan");
        handle.execute("RESET enable_indexscan");
        if (matches < fewMatches) {
            return " AND c.id = ANY (ARRAY (SELECT id FROM comments WHERE " + match + "))";
        }
        handle.execute("SET LOCAL enable_bitmapscan = off");
        return " AND to_tsvector('simple', c.body) @@ plainto_tsquery('simple', :words)";
    }

    /**
     * The accounts whose display name or e-mail address holds the text, up to {@link #MANY_AUTHORS}: named to the
     * planner as a list, they let it count on few comments and use the author index (a subquery looks, to
     * PostgreSQL, like a fixed share of all authors, and it then walks every comment newest first).
     */
    private static List<String> authorsLike(Handle handle, String text) {
        return handle.createQuery("SELECT id FROM accounts WHERE lower(display_name) LIKE :pattern ESCAPE '!'"
                        + " OR lower(email) LIKE :pattern ESCAPE '!' LIMIT " + (MANY_AUTHORS + 1))
                .bind("pattern", "%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%")
                .mapTo(String.class)
                .list();
    }

    private Page page(Handle handle, StringBuilder sql, Criteria criteria, Cursor after) {
        if (criteria.authorId() != null) {
            sql.append(" AND c.author_id = :author");
        }
        List<String> authors = criteria.authorText() == null ? List.of() : authorsLike(handle, criteria.authorText());
        if (criteria.authorText() != null && authors.isEmpty()) {
            return new Page(List.of(), null);
        }
        if (authors.size() > MANY_AUTHORS) {
            sql.append(" AND c.author_id IN (SELECT id FROM accounts WHERE lower(display_name) LIKE :pattern"
                    + " ESCAPE '!' OR lower(email) LIKE :pattern ESCAPE '!')");
        } else if (!authors.isEmpty()) {
            sql.append(" AND c.author_id IN (<authors>)");
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
        sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT ").append(pageSize + 1);
        List<Queue.Row> rows = null;
        if (sql.indexOf(WINDOW_SET) >= 0) {
            Window window = window(handle, criteria.site(), after);
            if (window != null) {
                rows = rows(handle, sql.toString().replace(WINDOW_SET, " AND rowid >= :windowRowid")
                        .replace(WINDOW_ROWS, " AND (c.created_at > :windowTime OR (c.created_at = :windowTime"
                                + " AND c.id >= :windowId))"), criteria, authors, after, window);
            }
            if (rows != null && rows.size() <= pageSize) {
                rows = null;
            }
        }
        if (rows == null) {
            rows = rows(handle, sql.toString().replace(WINDOW_SET, "").replace(WINDOW_ROWS, ""), criteria, authors,
                    after, null);
        }
        boolean more = rows.size() > pageSize;
        List<Queue.Row> page = more ? rows.subList(0, pageSize) : rows;
        String next = null;
        if (more) {
            Queue.Row last = page.get(page.size() - 1);
            next = Cursor.of(Long.toString(last.comment().createdAt().toEpochMilli()), last.comment().id())
                    .encode();
        }
        return new Page(Queue.items(handle, page), next);
    }

    /**
     * The newest {@link #WINDOW} (or the window given) comments of the site after the cursor: the smallest rowid among them and the
     * oldest of them. Every comment in the window has a rowid at least that smallest one, so FTS5's matches from
     * there on decide each exactly, and a full page found in the window is the page (all else is older). Null
     * when the site has fewer comments than that: the window would be everything.
     */
    private Window window(Handle handle, String site, Cursor after) {
        Query query = handle.createQuery("SELECT c.rowid AS r, c.created_at AS t, c.id AS id FROM comments c"
                + " CROSS JOIN stories s ON s.id = c.story_id WHERE s.site_id = :site"
                + (after == null ? "" : " AND (c.created_at < :k OR (c.created_at = :k AND c.id < :id))")
                + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + window).bind("site", site);
        if (after != null) {
            query.bind("k", after.getLong(0)).bind("id", after.get(1));
        }
        List<Window> rows = query.map((rs, ctx) -> new Window(rs.getLong("r"), rs.getLong("t"), rs.getString("id")))
                .list();
        if (rows.size() < window) {
            return null;
        }
        Window last = rows.get(rows.size() - 1);
        return new Window(rows.stream().mapToLong(Window::rowid).min().orElseThrow(), last.time(), last.id());
    }

    private record Window(long rowid, long time, String id) {
    }

    private List<Queue.Row> rows(Handle handle, String sql, Criteria criteria, List<String> authors, Cursor after,
            Window window) {
        Query query = handle.createQuery(sql).bind("site", criteria.site());
        if (window != null) {
            query.bind("windowRowid", window.rowid()).bind("windowTime", window.time()).bind("windowId", window.id());
        }
        if (!criteria.words().isEmpty()) {
            query.bind("words", dialect == Dialect.SQLITE ? criteria.words().fts5() : criteria.words().plain());
        }
        if (criteria.authorId() != null) {
            query.bind("author", criteria.authorId());
        }
        if (authors.size() > MANY_AUTHORS) {
            query.bind("pattern", "%" + likeEscaped(criteria.authorText().toLowerCase(Locale.ROOT)) + "%");
        } else if (!authors.isEmpty()) {
            query.bindList("authors", authors);
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
        return query.map(Queue::row).list();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
