package org.parley.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Replies to a reader's comments on a site: how many arrived since the reader last looked (the widget's badge) and
 * the latest of them (its list). A reply counts once published, by someone else, not from an author the reader
 * muted. The last look is kept per reader and site ({@link VisitStore}); before the first, every reply is new.
 * Thread-safe.
 */
public final class RepliesToMe {

    private static final int LISTED = 20;
    private static final String REPLIES = """
            FROM comments c JOIN comments p ON p.id = COALESCE(c.reply_to_id, c.parent_id)
            JOIN stories s ON s.id = c.story_id JOIN accounts a ON a.id = c.author_id
            WHERE p.author_id = :me AND c.author_id <> :me AND c.status = 'published' AND s.site_id = :site
              AND c.author_id NOT IN (SELECT muted_id FROM mutes WHERE account_id = :me)""";

    /** A reply as the list shows it: who, where, an excerpt, and whether it came after the last look. */
    public record Reply(String id, String parentId, String authorId, String authorName, String excerpt, String url,
            String title, Instant createdAt, boolean fresh) {
    }

    private final Jdbi jdbi;
    private final VisitStore visits;
    private final Clock clock;

    public RepliesToMe(Jdbi jdbi, VisitStore visits, Clock clock) {
        this.jdbi = jdbi;
        this.visits = visits;
        this.clock = clock;
    }

    /** How many replies arrived since the reader last looked. */
    public long newCount(String accountId, String siteId) {
        long since = since(accountId, siteId);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) " + REPLIES
                        + " AND c.created_at > :since")
                .bind("me", accountId)
                .bind("site", siteId)
                .bind("since", since)
                .mapTo(Long.class)
                .one());
    }

    /** The latest replies, newest first, each marked fresh when it came after the last look. */
    public List<Reply> latest(String accountId, String siteId) {
        long since = since(accountId, siteId);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id, c.parent_id, c.author_id, a.display_name, c.body, s.url, s.title, c.created_at
                        """ + REPLIES + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + LISTED)
                .bind("me", accountId)
                .bind("site", siteId)
                .map((rs, ctx) -> new Reply(rs.getString("id"), rs.getString("parent_id"),
                        rs.getString("author_id"), rs.getString("display_name"),
                        Excerpts.of(rs.getString("body"), 200),
                        rs.getString("url"), rs.getString("title"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getLong("created_at") > since))
                .list());
    }

    /** Records that the reader looked at their replies on the site now. */
    public void seen(String accountId, String siteId) {
        visits.seen(accountId, siteId, clock.instant());
    }

    public java.util.Optional<Instant> lastSeen(String accountId, String siteId) {
        return visits.lastSeen(accountId, siteId);
    }

    private long since(String accountId, String siteId) {
        return visits.lastSeen(accountId, siteId).map(Instant::toEpochMilli).orElse(0L);
    }
}
