package org.parley.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.parley.problem.Problem;
import org.parley.site.SiteSettings;
import org.parley.store.Cursor;

/**
 * The moderators' list of a site's stories: each with its published and pending comments, how busy it is, its last
 * activity, whether it is open (by a moderator's choice and the site's closing rule, {@link StoryClosing}) and
 * premoderated. Counts are read from the comments when asked, rejected comments aside.
 *
 * <p>"Busiest" means the most comments written in the last seven days ({@link #BUSY_WINDOW}), ties broken by the
 * latest comment, then by id; "recent" orders by the latest comment alone. Pages are keyset-paginated on those
 * keys. The counts move while a moderator pages (a new comment, the window sliding), so a story may then appear on
 * two pages or on none; the next refresh puts it right. Only reads: {@link StoryStore} writes. Thread-safe.
 */
public final class StoryBoard {

    /** The span "busiest" counts comments in. */
    public static final Duration BUSY_WINDOW = Duration.ofDays(7);
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /** The orders of the list. */
    public enum Order {
        BUSIEST,
        RECENT;

        /** The order for a query parameter; missing is {@link #BUSIEST}; 400 naming {@code sort} otherwise. */
        public static Order ofCode(String code) {
            if (code == null || code.isEmpty()) {
                return BUSIEST;
            }
            try {
                return valueOf(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("sort", "Sort stories by 'busiest' or 'recent'.");
            }
        }
    }

    /**
     * A story as the list shows it.
     *
     * @param status open or closed now, by a moderator or by the site's rule
     * @param pending comments held for a moderator
     * @param lastWeek comments written in the last {@link #BUSY_WINDOW}
     * @param lastActivity when its latest comment was written; null without comments
     * @param closesAt when the site's rule closes it; null when the rule is off or nobody has commented
     */
    public record Entry(Story story, StoryStatus status, long pending, long lastWeek, Instant lastActivity,
            Instant closesAt) {
    }

    /** One page of the list and the cursor of the next (null on the last page). */
    public record Page(List<Entry> entries, String nextCursor) {
    }

    private static final String ROWS = """
            SELECT * FROM (
                SELECT s.id, s.site_id, s.url, s.title, s.status, s.comment_count, s.premoderated, s.reopened_at,
                    (SELECT COUNT(*) FROM comments c WHERE c.story_id = s.id AND c.status = 'pending')
                        AS pending_count,
                    (SELECT COUNT(*) FROM comments c WHERE c.story_id = s.id AND c.status <> 'rejected'
                        AND c.created_at >= :since) AS week_count,
                    COALESCE((SELECT MAX(c.created_at) FROM comments c WHERE c.story_id = s.id
                        AND c.status <> 'rejected'), 0) AS last_at,
                    %s AS first_at
                FROM stories s WHERE %s
            ) b
            """;
    /** Closed by the site's rule: its days counted from the first comment, or from a later reopening. */
    private static final String CLOSED_BY_RULE = "(:days > 0 AND b.first_at IS NOT NULL AND (CASE WHEN"
            + " b.reopened_at > b.first_at THEN b.reopened_at ELSE b.first_at END) <= :cutoff)";

    private final StoryStore stories;
    private final Clock clock;

    public StoryBoard(StoryStore stories, Clock clock) {
        this.stories = stories;
        this.clock = clock;
    }

    /**
     * A page of a site's stories in the given order after the cursor (null: the first page), only those with the
     * given status now (null: all).
     */
    public Page list(String siteId, SiteSettings settings, Order order, StoryStatus status, String cursor,
            int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "Ask for 1 to " + MAX_LIMIT + " stories a page.");
        }
        Cursor after = Cursor.decodeKeys(cursor, order == Order.BUSIEST ? 3 : 2);
        StringBuilder sql = new StringBuilder(ROWS.formatted(StoryStore.firstCommentOf("s.id"), "s.site_id = :site"))
                .append(" WHERE 1 = 1");
        if (status == StoryStatus.CLOSED) {
            sql.append(" AND (b.status = 'closed' OR ").append(CLOSED_BY_RULE).append(')');
        } else if (status == StoryStatus.OPEN) {
            sql.append(" AND b.status = 'open' AND NOT ").append(CLOSED_BY_RULE);
        }
        if (after != null) {
            sql.append(order == Order.BUSIEST
                    ? " AND (b.week_count < :w OR (b.week_count = :w AND (b.last_at < :l"
                            + " OR (b.last_at = :l AND b.id > :id))))"
                    : " AND (b.last_at < :l OR (b.last_at = :l AND b.id > :id))");
        }
        sql.append(order == Order.BUSIEST ? " ORDER BY b.week_count DESC, b.last_at DESC, b.id ASC"
                : " ORDER BY b.last_at DESC, b.id ASC").append(" LIMIT :limit");
        Instant now = clock.instant();
        int days = settings.closeAfterDays();
        List<Row> rows = stories.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString())
                    .bind("site", siteId)
                    .bind("since", now.minus(BUSY_WINDOW).toEpochMilli())
                    .bind("limit", limit + 1);
            if (status != null) {
                query.bind("days", days).bind("cutoff", now.minus(Duration.ofDays(Math.max(days, 0))).toEpochMilli());
            }
            if (after != null) {
                int offset = order == Order.BUSIEST ? 1 : 0;
                if (order == Order.BUSIEST) {
                    query.bind("w", after.getLong(0));
                }
                query.bind("l", after.getLong(offset)).bind("id", after.get(offset + 1));
            }
            return query.map(StoryBoard::row).list();
        });
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorAfter(shown.get(shown.size() - 1), order) : null;
        return new Page(shown.stream().map(row -> row.entry(days, now)).toList(), next);
    }

    /** One story as the list shows it. */
    public Optional<Entry> find(String storyId, SiteSettings settings) {
        String sql = ROWS.formatted(StoryStore.firstCommentOf("s.id"), "s.id = :id");
        Instant now = clock.instant();
        return stories.jdbi().withHandle(handle -> handle.createQuery(sql)
                        .bind("id", storyId)
                        .bind("since", now.minus(BUSY_WINDOW).toEpochMilli())
                        .map(StoryBoard::row)
                        .findOne())
                .map(row -> row.entry(settings.closeAfterDays(), now));
    }

    private record Row(Story story, long pending, long lastWeek, long lastAt, StoryStore.Timeline timeline) {

        Entry entry(int days, Instant now) {
            Instant closesAt = StoryClosing.closesAt(timeline, days).orElse(null);
            return new Entry(story, StoryClosing.status(story.status(), closesAt, now), pending, lastWeek,
                    lastAt == 0 ? null : Instant.ofEpochMilli(lastAt), closesAt);
        }
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(StoryStore.story(rs, ctx), rs.getLong("pending_count"), rs.getLong("week_count"),
                rs.getLong("last_at"),
                new StoryStore.Timeline(StoryStore.instant(rs, "first_at"), StoryStore.instant(rs, "reopened_at")));
    }

    private static String cursorAfter(Row last, Order order) {
        String lastAt = Long.toString(last.lastAt());
        return order == Order.BUSIEST
                ? Cursor.of(Long.toString(last.lastWeek()), lastAt, last.story().id()).encode()
                : Cursor.of(lastAt, last.story().id()).encode();
    }
}
