package org.parley.story;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of stories. Thread-safe. */
public final class StoryStore {

    private static final String COLUMNS = "id, site_id, url, title, status, comment_count, premoderated";

    private final Jdbi jdbi;

    public StoryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Story> find(String siteId, String url) {
        return jdbi.withHandle(handle -> find(handle, siteId, url));
    }

    /** {@link #find(String, String)} inside the caller's transaction. */
    public static Optional<Story> find(Handle handle, String siteId, String url) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM stories WHERE site_id = :site AND url = :url")
                .bind("site", siteId)
                .bind("url", url)
                .map(StoryStore::story)
                .findOne();
    }

    public Optional<Story> findById(String id) {
        return jdbi.withHandle(handle -> findById(handle, id));
    }

    /** The story with this id, read through a handle that may be inside a transaction. */
    public static Optional<Story> findById(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM stories WHERE id = :id")
                .bind("id", id)
                .map(StoryStore::story)
                .findOne();
    }

    /** Inserts the story unless one exists for its site and URL (two first readers may race). */
    public void insertIfAbsent(Story story, Instant now) {
        jdbi.useHandle(handle -> insertIfAbsent(handle, story, now));
    }

    /** {@link #insertIfAbsent(Story, Instant)} inside the caller's transaction. */
    public static void insertIfAbsent(Handle handle, Story story, Instant now) {
        handle.createUpdate("""
                        INSERT INTO stories (id, site_id, url, title, status, comment_count, created_at)
                        VALUES (:id, :site, :url, :title, :status, 0, :createdAt)
                        ON CONFLICT (site_id, url) DO NOTHING""")
                .bind("id", story.id())
                .bind("site", story.site())
                .bind("url", story.url())
                .bind("title", story.title())
                .bind("status", story.status().code())
                .bind("createdAt", now.toEpochMilli())
                .execute();
    }

    /** Published-comment counts of the stories at these URLs of a site; URLs without a story are absent. */
    public List<Story> findAll(String siteId, Collection<String> urls) {
        if (urls.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM stories WHERE site_id = :site AND url IN (<urls>)")
                .bind("site", siteId)
                .bindList("urls", List.copyOf(urls))
                .map(StoryStore::story)
                .list());
    }

    /** Opens or closes a story's comments, inside the caller's transaction. */
    public static void updateStatus(Handle handle, String storyId, StoryStatus status) {
        handle.createUpdate("UPDATE stories SET status = :status WHERE id = :id")
                .bind("status", status.code())
                .bind("id", storyId)
                .execute();
    }

    /** Holds every new comment on a story for a moderator, or stops doing so, inside the caller's transaction. */
    public static void updatePremoderated(Handle handle, String storyId, boolean premoderated) {
        handle.createUpdate("UPDATE stories SET premoderated = :on WHERE id = :id")
                .bind("on", premoderated ? 1 : 0)
                .bind("id", storyId)
                .execute();
    }

    /**
     * A moderator reopens a story's comments, inside the caller's transaction; the time is kept, since a site that
     * closes stories some days after their first comment counts those days again from the reopening.
     */
    public static void reopen(Handle handle, String storyId, Instant at) {
        handle.createUpdate("UPDATE stories SET status = 'open', reopened_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("id", storyId)
                .execute();
    }

    /**
     * When a story's first comment was written, and when a moderator last reopened it: what its site's closing
     * rule counts from ({@link StoryClosing}). Either is null when it never happened.
     */
    public record Timeline(Instant firstComment, Instant reopenedAt) {
    }

    /**
     * The time of a story's first comment, as SQL for a subquery on the story column {@code storyId}: the oldest
     * top-level comment (a reply is never older than its thread), rejected ones aside; walks the top-level index
     * in order and stops at the first row.
     */
    static String firstCommentOf(String storyId) {
        return "(SELECT fc.created_at FROM comments fc WHERE fc.story_id = " + storyId
                + " AND fc.depth = 0 AND fc.status <> 'rejected' ORDER BY fc.created_at LIMIT 1)";
    }

    public Timeline timeline(String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + firstCommentOf("s.id")
                        + " AS first_at, s.reopened_at FROM stories s WHERE s.id = :id")
                .bind("id", storyId)
                .map((rs, ctx) -> new Timeline(instant(rs, "first_at"), instant(rs, "reopened_at")))
                .findOne()
                .orElse(new Timeline(null, null)));
    }

    /** A nullable epoch-millisecond column as an instant. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Adds {@code delta} to a story's published-comment count, inside the caller's transaction. */
    public static void addToCommentCount(Handle handle, String storyId, int delta) {
        handle.createUpdate("UPDATE stories SET comment_count = comment_count + :delta WHERE id = :id")
                .bind("delta", delta)
                .bind("id", storyId)
                .execute();
    }

    static Story story(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Story(rs.getString("id"), rs.getString("site_id"), rs.getString("url"), rs.getString("title"),
                StoryStatus.ofCode(rs.getString("status")), rs.getLong("comment_count"),
                rs.getInt("premoderated") != 0);
    }
}
