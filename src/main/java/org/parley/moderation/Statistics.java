package org.parley.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.parley.classifier.Category;

/**
 * The numbers behind the dashboard's overview: comments per day by status, how often each civility category held
 * or rejected a comment, the busiest stories, and how often moderators overturn the pipeline (an upheld appeal,
 * docs/moderation.md, is always an overturn of the decision it contested). Thread-safe.
 */
public final class Statistics {

    private final Jdbi jdbi;
    private final Clock clock;

    public Statistics(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Comments written on one day (UTC), by their status now. */
    public record Day(String day, long published, long pending, long rejected, long removed) {
    }

    /** How many comments a civility category held or rejected, and their share of all comments. */
    public record CategoryShare(String category, long held, long rejected, double share) {
    }

    public record BusyStory(String id, String url, String title, long comments) {
    }

    /** Moderators' decisions on comments the pipeline judged, and how many went the other way. */
    public record Overturns(long decisions, long overturned, double rate) {
    }

    public record Overview(List<Day> perDay, List<CategoryShare> categories, List<BusyStory> busiestStories,
            Overturns overturns, long total) {
    }

    public Overview overview(String siteId, int days) {
        Instant since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days - 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return jdbi.withHandle(handle -> {
            Map<String, long[]> byDay = new LinkedHashMap<>();
            for (int i = 0; i < days; i++) {
                byDay.put(since.plus(Duration.ofDays(i)).toString().substring(0, 10), new long[4]);
            }
            long[] total = new long[1];
            handle.createQuery("""
                            SELECT c.created_at, c.status, c.reasons FROM comments c
                            JOIN stories s ON s.id = c.story_id
                            WHERE s.site_id = :site AND c.created_at >= :since""")
                    .bind("site", siteId)
                    .bind("since", since.toEpochMilli())
                    .map((rs, ctx) -> {
                        String day = Instant.ofEpochMilli(rs.getLong("created_at")).toString().substring(0, 10);
                        long[] counts = byDay.get(day);
                        if (counts != null) {
                            counts[statusIndex(rs.getString("status"))]++;
                        }
                        total[0]++;
                        return null;
                    })
                    .list();
            List<Day> perDay = new ArrayList<>();
            byDay.forEach((day, counts) -> perDay.add(new Day(day, counts[0], counts[1], counts[2], counts[3])));

            List<CategoryShare> categories = new ArrayList<>();
            for (Category category : Category.values()) {
                long held = countReason(handle, siteId, since, category.code(), "pending");
                long rejected = countReason(handle, siteId, since, category.code(), "rejected");
                categories.add(new CategoryShare(category.code(), held, rejected,
                        total[0] == 0 ? 0 : (double) (held + rejected) / total[0]));
            }

            List<BusyStory> busiest = handle.createQuery("""
                            SELECT s.id, s.url, s.title, COUNT(*) AS n FROM comments c
                            JOIN stories s ON s.id = c.story_id
                            WHERE s.site_id = :site AND c.created_at >= :since
                            GROUP BY s.id, s.url, s.title ORDER BY n DESC, s.id LIMIT 10""")
                    .bind("site", siteId)
                    .bind("since", since.toEpochMilli())
                    .map((rs, ctx) -> new BusyStory(rs.getString("id"), rs.getString("url"), rs.getString("title"),
                            rs.getLong("n")))
                    .list();

            long decisions = handle.createQuery("""
                            SELECT COUNT(*) FROM moderation_log WHERE site_id = :site AND created_at >= :since
                            AND action IN ('approve', 'reject', 'appeal_upheld') AND actor_id IS NOT NULL""")
                    .bind("site", siteId).bind("since", since.toEpochMilli()).mapTo(Long.class).one();
            long overturned = handle.createQuery("""
                            SELECT COUNT(*) FROM moderation_log d
                            WHERE d.site_id = :site AND d.created_at >= :since AND d.actor_id IS NOT NULL
                            AND ((d.action = 'appeal_upheld')
                              OR (d.action = 'approve' AND EXISTS (SELECT 1 FROM moderation_log p
                                    WHERE p.comment_id = d.comment_id AND p.actor_id IS NULL
                                    AND p.action IN ('held', 'rejected')))
                              OR (d.action = 'reject' AND EXISTS (SELECT 1 FROM moderation_log p
                                    WHERE p.comment_id = d.comment_id AND p.actor_id IS NULL
                                    AND p.action = 'published')))""")
                    .bind("site", siteId).bind("since", since.toEpochMilli()).mapTo(Long.class).one();
            return new Overview(perDay, categories, busiest,
                    new Overturns(decisions, overturned, decisions == 0 ? 0 : (double) overturned / decisions),
                    total[0]);
        });
    }

    private static long countReason(org.jdbi.v3.core.Handle handle, String siteId, Instant since, String category,
            String status) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM moderation_log l
                        WHERE l.site_id = :site AND l.created_at >= :since AND l.actor_id IS NULL
                        AND l.action = :action AND l.reason LIKE :pattern""")
                .bind("site", siteId)
                .bind("since", since.toEpochMilli())
                .bind("action", status.equals("pending") ? "held" : "rejected")
                .bind("pattern", "%civility." + category + "%")
                .mapTo(Long.class)
                .one();
    }

    private static int statusIndex(String status) {
        return switch (status) {
            case "published" -> 0;
            case "pending" -> 1;
            case "rejected" -> 2;
            default -> 3;
        };
    }
}
