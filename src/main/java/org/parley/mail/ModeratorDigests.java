package org.parley.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.MailPreferences;

/**
 * Moderators' alerts: staff who switched them on get one digest of what arrived in the queues of the sites they
 * moderate (comments held for review, comments newly reported) at most once per digest interval, counted from the
 * opt-in. Each moderator's row in {@code moderator_digests} says up to when items were covered; moving it is a
 * compare-and-set in the transaction that queues the digest, so two instances never send the same one. A digest
 * speaks its items' sites' language when they share one, else English. Thread-safe.
 */
public final class ModeratorDigests {

    private static final int LISTED = 20;
    private static final int EXCERPT = 100;

    private record Recipient(String id, String email, String name, boolean admin, long coveredUntil, Long sentAt) {
    }

    private record Item(String kind, String site, String language, String title, String body) {
    }

    private final Jdbi jdbi;
    private final MailTexts texts;
    private final LinkTokens tokens;
    private final Duration interval;
    private final Clock clock;

    public ModeratorDigests(Jdbi jdbi, MailTexts texts, LinkTokens tokens, Duration interval, Clock clock) {
        this.jdbi = jdbi;
        this.texts = texts;
        this.tokens = tokens;
        this.interval = interval;
        this.clock = clock;
    }

    /** Starts a moderator's digests from now (on opt-in): older items are not sent, the first digest waits. */
    public static void start(Handle handle, String accountId, Instant now) {
        handle.createUpdate("""
                        INSERT INTO moderator_digests (account_id, covered_until, sent_at) VALUES (:id, :now, :now)
                        ON CONFLICT (account_id) DO UPDATE SET covered_until = :now, sent_at = :now""")
                .bind("id", accountId)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Queues the digests that are due; answers how many. */
    public int queueDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (Recipient recipient : recipients()) {
            if (recipient.sentAt() != null && recipient.sentAt() + interval.toMillis() > now.toEpochMilli()) {
                continue;
            }
            List<Item> items = items(recipient, now);
            if (!items.isEmpty() && queue(recipient, items, now)) {
                queued++;
            }
        }
        return queued;
    }

    private List<Recipient> recipients() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, a.email, a.display_name, a.role, d.covered_until, d.sent_at
                        FROM accounts a JOIN moderator_digests d ON d.account_id = a.id
                        WHERE a.notify_queue = 1 AND a.role IN ('moderator', 'admin')""")
                .map((rs, ctx) -> new Recipient(rs.getString("id"), rs.getString("email"),
                        rs.getString("display_name"), "admin".equals(rs.getString("role")),
                        rs.getLong("covered_until"), (Long) rs.getObject("sent_at", Long.class)))
                .list());
    }

    private List<Item> items(Recipient recipient, Instant now) {
        return jdbi.withHandle(handle -> {
            List<Item> items = new ArrayList<>(items(handle, recipient, now, "digest.pending", """
                    SELECT s.site_id, si.language, s.title, c.body FROM comments c JOIN stories s ON s.id = c.story_id
                    JOIN sites si ON si.id = s.site_id
                    WHERE c.status = 'pending' AND c.created_at > :since AND c.created_at <= :now""",
                    " ORDER BY c.created_at, c.id"));
            items.addAll(items(handle, recipient, now, "digest.reported", """
                    SELECT s.site_id, si.language, s.title, c.body, MIN(r.created_at) AS first_report
                    FROM reports r JOIN comments c ON c.id = r.comment_id JOIN stories s ON s.id = c.story_id
                    JOIN sites si ON si.id = s.site_id
                    WHERE r.created_at > :since AND r.created_at <= :now AND c.open_reports > 0
                      AND c.status IN ('published', 'pending')""",
                    " GROUP BY c.id, s.site_id, si.language, s.title, c.body ORDER BY first_report, c.id"));
            return items;
        });
    }

    /** The items one query finds in the recipient's sites since the last digest. */
    private static List<Item> items(Handle handle, Recipient recipient, Instant now, String kind, String select,
            String order) {
        return handle.createQuery(select + " AND (:admin = 1 OR s.site_id IN"
                        + " (SELECT site_id FROM moderator_sites WHERE account_id = :account))" + order)
                .bind("since", recipient.coveredUntil())
                .bind("now", now.toEpochMilli())
                .bind("admin", recipient.admin() ? 1 : 0)
                .bind("account", recipient.id())
                .map((rs, ctx) -> new Item(kind, rs.getString("site_id"), rs.getString("language"),
                        rs.getString("title"), rs.getString("body")))
                .list();
    }

    private boolean queue(Recipient recipient, List<Item> items, Instant now) {
        Locale locale = MailLanguages.shared(items.stream().map(Item::language).toList());
        StringBuilder list = new StringBuilder();
        for (Item item : items.subList(0, Math.min(LISTED, items.size()))) {
            list.append(texts.format(locale, "digest.item", item.site(), texts.format(locale, item.kind()),
                    item.title(), excerpt(item.body()))).append('\n');
        }
        if (items.size() > LISTED) {
            int more = items.size() - LISTED;
            list.append(texts.plural(locale, "digest.more", more, more)).append('\n');
        }
        String unsubscribe = texts.unsubscribeLink(tokens, recipient.id(), MailPreferences.Kind.QUEUE);
        OutgoingMail mail = texts.compose(locale, "digest", recipient.email(), recipient.name(), "digest.subject",
                new Object[] {items.size()}, "digest.body",
                new Object[] {list.toString().strip(), texts.link("/admin/")}, unsubscribe);
        return jdbi.inTransaction(handle -> {
            int moved = handle.createUpdate("UPDATE moderator_digests SET covered_until = :now, sent_at = :now"
                            + " WHERE account_id = :id AND covered_until = :covered")
                    .bind("now", now.toEpochMilli())
                    .bind("id", recipient.id())
                    .bind("covered", recipient.coveredUntil())
                    .execute();
            if (moved == 1) {
                MailQueue.enqueue(handle, mail, now);
            }
            return moved == 1;
        });
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }
}
