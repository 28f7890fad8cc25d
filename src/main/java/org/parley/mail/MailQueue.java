package org.parley.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.store.Ids;

/**
 * The SQL of the outgoing mail queue. Messages are queued inside the transaction of what caused them; a sender
 * claims one by a compare-and-set on {@code claimed_until} (a lease), so several instances on one database never
 * send the same message twice while each holds its lease. Thread-safe.
 */
public final class MailQueue {

    /** A claimed message and how many attempts it has had, this one included. */
    public record Claimed(String id, OutgoingMail mail, int attempts) {
    }

    /** How a message stands, for the tests and the operators. */
    public record Entry(String id, String kind, String recipient, String status, int attempts, String lastError) {
    }

    private static final String DUE = "status = 'queued' AND next_attempt_at <= :now"
            + " AND (claimed_until IS NULL OR claimed_until < :now)";

    private final Jdbi jdbi;

    public MailQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Queues a message within the caller's transaction. */
    public static void enqueue(Handle handle, OutgoingMail mail, Instant now) {
        handle.createUpdate("""
                        INSERT INTO mail_queue (id, kind, recipient, subject, text_body, html_body, unsubscribe_url,
                                                status, attempts, next_attempt_at, created_at)
                        VALUES (:id, :kind, :recipient, :subject, :text, :html, :unsubscribe, 'queued', 0, :now, :now)
                        """)
                .bind("id", Ids.newId())
                .bind("kind", mail.kind())
                .bind("recipient", mail.recipient())
                .bind("subject", mail.subject())
                .bind("text", mail.text())
                .bind("html", mail.html())
                .bind("unsubscribe", mail.unsubscribeUrl())
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** Claims the next due message until {@code leaseUntil}; empty when none is due (or others took them all). */
    public Optional<Claimed> claimNext(Instant now, Instant leaseUntil) {
        return jdbi.withHandle(handle -> {
            List<String> candidates = handle.createQuery("SELECT id FROM mail_queue WHERE " + DUE
                            + " ORDER BY next_attempt_at, id LIMIT 10")
                    .bind("now", now.toEpochMilli())
                    .mapTo(String.class)
                    .list();
            for (String id : candidates) {
                int claimed = handle.createUpdate("UPDATE mail_queue SET claimed_until = :until,"
                                + " attempts = attempts + 1 WHERE id = :id AND " + DUE)
                        .bind("until", leaseUntil.toEpochMilli())
                        .bind("id", id)
                        .bind("now", now.toEpochMilli())
                        .execute();
                if (claimed == 1) {
                    return Optional.of(handle.createQuery("""
                                    SELECT id, kind, recipient, subject, text_body, html_body, unsubscribe_url, attempts
                                    FROM mail_queue WHERE id = :id""")
                            .bind("id", id)
                            .map((rs, ctx) -> new Claimed(rs.getString("id"), new OutgoingMail(rs.getString("kind"),
                                    rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                                    rs.getString("html_body"), rs.getString("unsubscribe_url")),
                                    rs.getInt("attempts")))
                            .one());
                }
            }
            return Optional.empty();
        });
    }

    public void markSent(String id, Instant now) {
        update("UPDATE mail_queue SET status = 'sent', sent_at = :now, claimed_until = NULL, last_error = NULL"
                + " WHERE id = :id", id, now, null);
    }

    /** Records a failed attempt; the message is tried again at {@code next}. */
    public void retryAt(String id, Instant next, String error) {
        update("UPDATE mail_queue SET next_attempt_at = :now, claimed_until = NULL, last_error = :error"
                + " WHERE id = :id", id, next, error);
    }

    /** Records the last failed attempt: the message will not be sent. */
    public void giveUp(String id, Instant now, String error) {
        update("UPDATE mail_queue SET status = 'failed', claimed_until = NULL, last_error = :error,"
                + " next_attempt_at = :now WHERE id = :id", id, now, error);
    }

    /** Deletes sent messages older than {@code before}; answers how many. */
    public int purgeSent(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM mail_queue WHERE status = 'sent' AND sent_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
    }

    /** Messages to one address, oldest first. */
    public List<Entry> listFor(String recipient) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, kind, recipient, status, attempts, last_error FROM mail_queue
                        WHERE recipient = :recipient ORDER BY created_at, id""")
                .bind("recipient", recipient)
                .map((rs, ctx) -> new Entry(rs.getString("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
                .list());
    }

    private void update(String sql, String id, Instant now, String error) {
        jdbi.useHandle(handle -> handle.createUpdate(sql)
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .bind("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .execute());
    }
}
