package org.parley.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.problem.Problem;

/**
 * Readers' public profiles on a site: display name, member since, how many comments they published there and the
 * latest of them. A reader may hide theirs: others then get the name alone (it shows on every comment anyway),
 * the reader still sees the whole of it. Guests and deleted accounts have no profile (404). Thread-safe.
 */
public final class Profiles {

    private static final int RECENT = 5;

    /** A profile; {@code hidden} profiles carry only id and name for others (the other fields null). */
    public record Profile(String id, String displayName, boolean hidden, Instant memberSince, Long publishedComments,
            List<Recent> recentComments) {
    }

    /** One of the latest published comments, with where it was written. */
    public record Recent(String id, String excerpt, String url, String title, Instant createdAt) {
    }

    private final Jdbi jdbi;
    private final ProfileStore store;
    private final Clock clock;

    public Profiles(Jdbi jdbi, ProfileStore store, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.clock = clock;
    }

    /** The profile of {@code userId} on {@code siteId} as {@code viewer} (null when signed out) may see it. */
    public Profile of(String userId, String siteId, Account viewer) {
        Map<String, Object> account = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT display_name, created_at FROM accounts
                        WHERE id = :id AND deleted_at IS NULL AND role <> 'guest'""")
                .bind("id", userId)
                .mapToMap()
                .findOne())
                .orElseThrow(() -> Problem.notFound("user", "There is no such user."));
        String name = (String) account.get("display_name");
        boolean hidden = store.hidden(userId);
        if (hidden && (viewer == null || !viewer.id().equals(userId))) {
            return new Profile(userId, name, true, null, null, null);
        }
        long count = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM comments c JOIN stories s ON s.id = c.story_id
                        WHERE c.author_id = :id AND c.status = 'published' AND s.site_id = :site""")
                .bind("id", userId)
                .bind("site", siteId)
                .mapTo(Long.class)
                .one());
        List<Recent> recent = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id, c.body, s.url, s.title, c.created_at FROM comments c
                        JOIN stories s ON s.id = c.story_id
                        WHERE c.author_id = :id AND c.status = 'published' AND s.site_id = :site
                        ORDER BY c.created_at DESC, c.id DESC""" + " LIMIT " + RECENT)
                .bind("id", userId)
                .bind("site", siteId)
                .map((rs, ctx) -> new Recent(rs.getString("id"), Excerpts.of(rs.getString("body"), 140),
                        rs.getString("url"), rs.getString("title"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
        return new Profile(userId, name, hidden,
                Instant.ofEpochMilli(((Number) account.get("created_at")).longValue()), count, recent);
    }

    /** Hides or shows the reader's profile. */
    public void setHidden(Account reader, boolean hidden) {
        store.setHidden(reader.id(), hidden, clock.instant());
    }

    public boolean hidden(Account reader) {
        return store.hidden(reader.id());
    }
}
