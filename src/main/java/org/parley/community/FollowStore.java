package org.parley.community;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of {@code thread_follows} and {@code follow_news}, their only writer: the threads a reader follows, and
 * for each the comments published there since the last mail (never the reader's own), waiting for the next one.
 * Thread-safe.
 */
public final class FollowStore {

    /** A followed thread as the reader's list shows it. */
    public record Followed(String site, String url, String title, Instant since) {
    }

    /** A follow whose mail may go: its reader, thread and when the last mail was queued. */
    public record Due(String accountId, String email, String name, String storyId, String title, String url,
            String language, long sentAt) {
    }

    /** A comment waiting for a follower's mail; {@code published} is false once it left the thread. */
    public record News(String commentId, String authorName, String body, boolean published) {
    }

    private final Jdbi jdbi;

    public FollowStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Follows a story; the first mail waits an interval from now. Following again changes nothing. */
    public void follow(String accountId, String storyId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO thread_follows (account_id, story_id, sent_at, created_at)
                        VALUES (:account, :story, :now, :now) ON CONFLICT (account_id, story_id) DO NOTHING""")
                .bind("account", accountId)
                .bind("story", storyId)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Stops following (its waiting news go too); answers whether the reader followed the story. */
    public boolean unfollow(String accountId, String storyId) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM follow_news WHERE account_id = :account AND story_id = :story")
                    .bind("account", accountId)
                    .bind("story", storyId)
                    .execute();
            return handle.createUpdate("DELETE FROM thread_follows WHERE account_id = :account AND story_id = :story")
                    .bind("account", accountId)
                    .bind("story", storyId)
                    .execute() == 1;
        });
    }

    public boolean follows(String accountId, String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM thread_follows WHERE account_id = :account AND story_id = :story")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(Long.class)
                .one()) > 0;
    }

    /** The reader's followed threads, newest follow first. */
    public List<Followed> list(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT s.site_id, s.url, s.title, f.created_at FROM thread_follows f
                        JOIN stories s ON s.id = f.story_id WHERE f.account_id = :account
                        ORDER BY f.created_at DESC, s.id""")
                .bind("account", accountId)
                .map((rs, ctx) -> new Followed(rs.getString("site_id"), rs.getString("url"), rs.getString("title"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /**
     * Notes a comment just published for every follower of its story but its author, in the publishing
     * transaction.
     */
    public static void recordNews(Handle handle, String commentId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO follow_news (account_id, story_id, comment_id, published_at)
                        SELECT f.account_id, f.story_id, c.id, :now FROM comments c
                        JOIN thread_follows f ON f.story_id = c.story_id
                        WHERE c.id = :id AND f.account_id <> c.author_id
                        ON CONFLICT (account_id, story_id, comment_id) DO NOTHING""")
                .bind("id", commentId)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Follows with news whose last mail was queued at or before {@code lastSentBefore}, to verified addresses. */
    public List<Due> due(Instant lastSentBefore) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT f.account_id, a.email, a.display_name, f.story_id, s.title, s.url, si.language,
                               f.sent_at
                        FROM thread_follows f JOIN accounts a ON a.id = f.account_id
                        JOIN stories s ON s.id = f.story_id JOIN sites si ON si.id = s.site_id
                        WHERE f.sent_at <= :before AND a.email_verified_at IS NOT NULL AND a.deleted_at IS NULL
                          AND EXISTS (SELECT 1 FROM follow_news n
                                      WHERE n.account_id = f.account_id AND n.story_id = f.story_id)
                        ORDER BY f.sent_at, f.account_id, f.story_id""")
                .bind("before", lastSentBefore.toEpochMilli())
                .map((rs, ctx) -> new Due(rs.getString("account_id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("story_id"), rs.getString("title"),
                        rs.getString("url"), rs.getString("language"), rs.getLong("sent_at")))
                .list());
    }

    /** The comments waiting for a follow's next mail, oldest first (in the caller's transaction). */
    public static List<News> news(Handle handle, String accountId, String storyId) {
        return handle.createQuery("""
                        SELECT n.comment_id, a.display_name, c.body, c.status FROM follow_news n
                        JOIN comments c ON c.id = n.comment_id JOIN accounts a ON a.id = c.author_id
                        WHERE n.account_id = :account AND n.story_id = :story
                        ORDER BY n.published_at, c.created_at, c.id""")
                .bind("account", accountId)
                .bind("story", storyId)
                .map((rs, ctx) -> new News(rs.getString("comment_id"), rs.getString("display_name"),
                        rs.getString("body"), "published".equals(rs.getString("status"))))
                .list();
    }

    /**
     * Marks a follow's mail as queued now, if no other instance did since {@code sentAt} (a compare-and-set), and
     * clears the news it covers; answers whether this caller won.
     */
    public static boolean markSent(Handle handle, Due follow, List<News> covered, Instant now) {
        int moved = handle.createUpdate("""
                        UPDATE thread_follows SET sent_at = :now
                        WHERE account_id = :account AND story_id = :story AND sent_at = :sent""")
                .bind("now", now.toEpochMilli())
                .bind("account", follow.accountId())
                .bind("story", follow.storyId())
                .bind("sent", follow.sentAt())
                .execute();
        if (moved == 1) {
            dropNews(handle, follow.accountId(), follow.storyId(), covered);
        }
        return moved == 1;
    }

    /** Drops waiting news (those that left the thread before a mail, or that a mail covered). */
    public static void dropNews(Handle handle, String accountId, String storyId, List<News> news) {
        for (News item : news) {
            handle.createUpdate("""
                            DELETE FROM follow_news
                            WHERE account_id = :account AND story_id = :story AND comment_id = :comment""")
                    .bind("account", accountId)
                    .bind("story", storyId)
                    .bind("comment", item.commentId())
                    .execute();
        }
    }

    /** Deletes the account's follows and their news with the account (in the deletion's transaction). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM follow_news WHERE account_id = :id").bind("id", accountId).execute();
        handle.createUpdate("DELETE FROM thread_follows WHERE account_id = :id").bind("id", accountId).execute();
    }
}
