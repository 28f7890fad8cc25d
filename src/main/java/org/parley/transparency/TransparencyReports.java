package org.parley.transparency;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.moderation.ModerationStore;

/**
 * Makes transparency reports from what Parley records anyway: the notices, the appeals and the moderation log. It
 * only reads; nothing in a report is stored. Thread-safe.
 */
public final class TransparencyReports {

    /**
     * The log's actions that restrict a comment: the pipeline's and a moderator's (a notice's removal is a
     * {@code reject} on the ground {@code illegal}). An upheld appeal restricts too when it removes a comment on a
     * notifier's appeal ({@code appeal_upheld} on the ground {@code illegal}); it counts under its own action.
     */
    static final List<String> RESTRICTIONS = List.of("held", "rejected", "reject", "remove");

    /** The log's actions of a person reviewing a comment the pipeline judged. */
    private static final String REVIEWS = "('approve', 'reject', 'remove', 'appeal_upheld', 'appeal_dismissed')";

    private static final double MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();

    private final Jdbi jdbi;
    private final Clock clock;

    public TransparencyReports(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public TransparencyReport report(String siteId, Period period) {
        return jdbi.withHandle(handle -> new TransparencyReport(siteId, period.from(), period.to(), clock.instant(),
                notices(handle, siteId, period), actions(handle, siteId, period), appeals(handle, siteId, period),
                overturns(handle, siteId, period), accountRestrictions(handle, period)));
    }

    private static TransparencyReport.Notices notices(Handle handle, String siteId, Period period) {
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>(Map.of("open", 0L, "actioned", 0L, "dismissed", 0L));
        List<Long> waits = new ArrayList<>();
        long[] received = {0};
        handle.createQuery("""
                        SELECT category, status, created_at, decided_at FROM notices
                        WHERE site_id = :site AND created_at >= :start AND created_at < :end""")
                .bind("site", siteId).bind("start", period.start().toEpochMilli())
                .bind("end", period.end().toEpochMilli())
                .map((rs, ctx) -> {
                    received[0]++;
                    byCategory.merge(rs.getString("category"), 1L, Long::sum);
                    byStatus.merge(rs.getString("status"), 1L, Long::sum);
                    long decidedAt = rs.getLong("decided_at");
                    if (!rs.wasNull()) {
                        waits.add(decidedAt - rs.getLong("created_at"));
                    }
                    return null;
                })
                .list();
        return new TransparencyReport.Notices(received[0], byCategory, byStatus, medianHours(waits));
    }

    private static TransparencyReport.Actions actions(Handle handle, String siteId, Period period) {
        Map<String, Long> byType = new TreeMap<>();
        RESTRICTIONS.forEach(action -> byType.put(action, 0L));
        Map<String, Long> byGround = new TreeMap<>(Map.of("guidelines", 0L, "illegal", 0L));
        Map<String, Long> byCategory = new TreeMap<>();
        long[] counts = new long[3]; // total, automated detection, automated decision
        handle.createQuery("""
                        SELECT l.action, l.actor_id, l.reason, l.ground, l.category,
                            CASE WHEN EXISTS (SELECT 1 FROM moderation_log p WHERE p.comment_id = l.comment_id
                                    AND p.actor_id IS NULL AND p.action IN ('held', 'rejected')
                                    AND\s""" + ModerationStore.CONTENT_REASON + """
                                    AND p.created_at <= l.created_at)
                            THEN 1 ELSE 0 END AS automated_detection
                        FROM moderation_log l
                        WHERE l.site_id = :site AND l.created_at >= :start AND l.created_at < :end
                        AND (l.action IN (<actions>) OR (l.action = 'appeal_upheld' AND l.ground = 'illegal'))""")
                .bindList("actions", RESTRICTIONS)
                .bind("site", siteId).bind("start", period.start().toEpochMilli())
                .bind("end", period.end().toEpochMilli())
                .map((rs, ctx) -> {
                    counts[0]++;
                    byType.merge(rs.getString("action"), 1L, Long::sum);
                    String ground = rs.getString("ground");
                    byGround.merge(ground == null ? "guidelines" : ground, 1L, Long::sum);
                    byCategory.merge(category(rs.getString("category"), rs.getString("reason")), 1L, Long::sum);
                    counts[1] += rs.getInt("automated_detection");
                    if (rs.getString("actor_id") == null) {
                        counts[2]++;
                    }
                    return null;
                })
                .list();
        List<Long> waits = handle.createQuery("""
                        SELECT d.created_at - MAX(h.created_at) FROM moderation_log d
                        JOIN moderation_log h ON h.comment_id = d.comment_id AND h.action = 'held'
                            AND h.created_at <= d.created_at
                        WHERE d.site_id = :site AND d.created_at >= :start AND d.created_at < :end
                        AND d.actor_id IS NOT NULL AND d.action IN ('approve', 'reject', 'remove')
                        GROUP BY d.id, d.created_at""")
                .bind("site", siteId).bind("start", period.start().toEpochMilli())
                .bind("end", period.end().toEpochMilli())
                .mapTo(Long.class)
                .list();
        long total = counts[0];
        return new TransparencyReport.Actions(total, byType, byGround, byCategory, counts[1], counts[2],
                total - counts[2], total == 0 ? 0 : (double) counts[2] / total, medianHours(waits));
    }

    /**
     * The category a restriction rests on: the one logged with it, else the civility category in the pipeline's
     * reason codes ({@code civility.rude, …}, the first), else {@code other}.
     */
    static String category(String logged, String reason) {
        if (logged != null && !logged.isBlank()) {
            return logged;
        }
        if (reason != null) {
            int at = reason.indexOf("civility.");
            if (at >= 0) {
                String rest = reason.substring(at + "civility.".length());
                int stop = rest.indexOf(',');
                return (stop < 0 ? rest : rest.substring(0, stop)).strip();
            }
        }
        return "other";
    }

    private static TransparencyReport.Appeals appeals(Handle handle, String siteId, Period period) {
        long[] counts = new long[4]; // received, open, upheld, dismissed
        List<Long> waits = new ArrayList<>();
        handle.createQuery("""
                        SELECT status, created_at, decided_at FROM appeals
                        WHERE site_id = :site AND created_at >= :start AND created_at < :end""")
                .bind("site", siteId).bind("start", period.start().toEpochMilli())
                .bind("end", period.end().toEpochMilli())
                .map((rs, ctx) -> {
                    counts[0]++;
                    switch (rs.getString("status")) {
                        case "upheld" -> counts[2]++;
                        case "dismissed" -> counts[3]++;
                        default -> counts[1]++;
                    }
                    long decidedAt = rs.getLong("decided_at");
                    if (!rs.wasNull()) {
                        waits.add(decidedAt - rs.getLong("created_at"));
                    }
                    return null;
                })
                .list();
        return new TransparencyReport.Appeals(counts[0], counts[1], counts[2], counts[3], medianHours(waits));
    }

    private static TransparencyReport.Overturns overturns(Handle handle, String siteId, Period period) {
        long[] counts = new long[2];
        handle.createQuery("""
                        SELECT d.action,
                            CASE WHEN EXISTS (SELECT 1 FROM moderation_log p WHERE p.comment_id = d.comment_id
                                    AND p.actor_id IS NULL AND p.action IN ('held', 'rejected')
                                    AND\s""" + ModerationStore.CONTENT_REASON + """
                                    AND p.created_at <= d.created_at) THEN 1 ELSE 0 END AS restricted,
                            CASE WHEN EXISTS (SELECT 1 FROM moderation_log p WHERE p.comment_id = d.comment_id
                                    AND p.actor_id IS NULL AND p.action = 'published'
                                    AND p.created_at <= d.created_at) THEN 1 ELSE 0 END AS published
                        FROM moderation_log d
                        WHERE d.site_id = :site AND d.created_at >= :start AND d.created_at < :end
                        AND d.actor_id IS NOT NULL AND d.action IN\s""" + REVIEWS)
                .bind("site", siteId).bind("start", period.start().toEpochMilli())
                .bind("end", period.end().toEpochMilli())
                .map((rs, ctx) -> {
                    boolean restricted = rs.getInt("restricted") == 1;
                    boolean published = rs.getInt("published") == 1;
                    if (!restricted && !published) {
                        return null;
                    }
                    counts[0]++;
                    String action = rs.getString("action");
                    boolean lifted = action.equals("approve") || action.equals("appeal_upheld");
                    boolean restricting = action.equals("reject") || action.equals("remove");
                    if ((restricted && lifted) || (!restricted && restricting)) {
                        counts[1]++;
                    }
                    return null;
                })
                .list();
        return new TransparencyReport.Overturns(counts[0], counts[1],
                counts[0] == 0 ? 0 : (double) counts[1] / counts[0]);
    }

    private static TransparencyReport.AccountRestrictions accountRestrictions(Handle handle, Period period) {
        Map<String, Long> counts = new TreeMap<>();
        handle.createQuery("""
                        SELECT action, COUNT(*) AS n FROM moderation_log
                        WHERE created_at >= :start AND created_at < :end AND action IN ('suspend', 'ban')
                        GROUP BY action""")
                .bind("start", period.start().toEpochMilli()).bind("end", period.end().toEpochMilli())
                .map((rs, ctx) -> counts.put(rs.getString("action"), rs.getLong("n")))
                .list();
        return new TransparencyReport.AccountRestrictions(counts.getOrDefault("suspend", 0L),
                counts.getOrDefault("ban", 0L));
    }

    /** The median of durations in milliseconds, in hours to a tenth; null for none. */
    static Double medianHours(List<Long> millis) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return Math.round(median / MILLIS_PER_HOUR * 10) / 10.0;
    }
}
