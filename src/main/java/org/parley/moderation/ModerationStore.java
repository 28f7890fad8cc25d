package org.parley.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.store.Ids;

/** The SQL of moderation: bans, what an author wrote last, and the moderation log. Thread-safe. */
public final class ModerationStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public ModerationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Until when the account is banned or suspended, if it is at {@code now}. */
    public Optional<Instant> bannedUntil(String accountId, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT banned_until FROM accounts WHERE id = :id AND banned_until > :now")
                .bind("id", accountId)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    /** Bans (until far in the future) or suspends (until a time) an account. */
    public void ban(String accountId, Instant until, String reason) {
        jdbi.useHandle(handle -> ban(handle, accountId, until, reason));
    }

    /** {@link #ban(String, Instant, String)} inside the caller's transaction. */
    public static void ban(org.jdbi.v3.core.Handle handle, String accountId, Instant until, String reason) {
        handle.createUpdate("UPDATE accounts SET banned_until = :until, ban_reason = :reason WHERE id = :id")
                .bind("until", until.toEpochMilli())
                .bind("reason", reason)
                .bind("id", accountId)
                .execute();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The body of the author's most recent comment on any story, other than the one being edited. */
    public Optional<String> lastBody(String authorId, String exceptCommentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT body FROM comments WHERE author_id = :author AND id <> :except
                        ORDER BY created_at DESC LIMIT 1""")
                .bind("author", authorId)
                .bind("except", exceptCommentId == null ? "" : exceptCommentId)
                .mapTo(String.class)
                .findOne());
    }

    /** How many comments the author has written, for the new-commenter rule. */
    public long commentCount(String authorId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM comments WHERE author_id = :author")
                .bind("author", authorId)
                .mapTo(Long.class)
                .one());
    }

    /** A value as JSON text, for the columns that keep JSON. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scores (as JSON) and model version the pipeline stored with a comment, for the log of a decision. */
    public Judgement judgement(String commentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT scores, model_version FROM comments WHERE id = :id")
                .bind("id", commentId)
                .map((rs, ctx) -> new Judgement(rs.getString("scores"), rs.getString("model_version")))
                .findOne()
                .orElse(new Judgement(null, null)));
    }

    /** What the pipeline found: scores as JSON and the model's version, either may be null. */
    public record Judgement(String scores, String modelVersion) {
    }

    /** Sets or clears (null) the warning an account sees next time it signs in or opens a thread. */
    public void warn(String accountId, String message) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE accounts SET warning = :message WHERE id = :id")
                .bind("message", message)
                .bind("id", accountId)
                .execute());
    }

    public Optional<String> warning(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT warning FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .mapTo(String.class)
                .findOne());
    }

    /** How an author's comments have fared so far. */
    public QueueItem.AuthorRecord authorRecord(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END) AS published,
                               SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
                               SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected
                        FROM comments WHERE author_id = :author""")
                .bind("author", accountId)
                .map((rs, ctx) -> new QueueItem.AuthorRecord(rs.getLong("published"), rs.getLong("pending"),
                        rs.getLong("rejected")))
                .one());
    }

    /**
     * SQL: the pipeline's log entry {@code p} gave reasons that come from reading the comment (the classifier, word
     * lists, the link limit), unlike a hold by policy (premoderation, a new or guest author) or by readers' reports.
     * Automated detection, as statements of reasons and the transparency report count it.
     */
    public static final String CONTENT_REASON =
            "(p.reason LIKE '%civility.%' OR p.reason LIKE '%words.%' OR p.reason LIKE '%spam.%')";

    /** The log's columns a {@link Restriction} maps, with whether automated means flagged the comment. */
    private static final String RESTRICTION_COLUMNS = """
            SELECT l.id, l.site_id, l.comment_id, l.subject_id, l.actor_id, l.action, l.reason, l.ground, l.category,
                   l.facts, l.created_at,
                   CASE WHEN l.comment_id IS NOT NULL AND EXISTS (SELECT 1 FROM moderation_log p
                        WHERE p.comment_id = l.comment_id AND p.actor_id IS NULL AND p.action IN ('held', 'rejected')
                        AND\s""" + CONTENT_REASON + """
            ) THEN 1 ELSE 0 END AS flagged
            FROM moderation_log l""";

    /**
     * The decision that restricts the comment now: its latest entry with a ground (or, logged before grounds were
     * kept, a hold or rejection), while the comment is not published; empty for a published or unknown comment.
     */
    public Optional<Restriction> restriction(String commentId) {
        return jdbi.withHandle(handle -> restriction(handle, commentId));
    }

    /** {@link #restriction(String)} within the caller's transaction. */
    public static Optional<Restriction> restriction(Handle handle, String commentId) {
        return handle.createQuery(RESTRICTION_COLUMNS + """
                         JOIN comments c ON c.id = l.comment_id
                        WHERE l.comment_id = :comment AND c.status <> 'published'
                        AND (l.ground IS NOT NULL OR l.action IN ('held', 'rejected', 'reject'))
                        ORDER BY l.created_at DESC, l.id DESC LIMIT 1""")
                .bind("comment", commentId)
                .map((rs, ctx) -> restrictionOf(rs))
                .findOne();
    }

    /** The bans and suspensions of an account, newest first, for its statements and data export. */
    public List<Restriction> accountRestrictions(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(RESTRICTION_COLUMNS + """
                         WHERE l.subject_id = :account AND l.comment_id IS NULL AND l.action IN ('ban', 'suspend')
                        ORDER BY l.created_at DESC, l.id DESC""")
                .bind("account", accountId)
                .map((rs, ctx) -> restrictionOf(rs))
                .list());
    }

    /** The comments of an author that are restricted now, newest first. */
    public List<String> restrictedComments(String authorId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id FROM comments c WHERE c.author_id = :author AND c.status <> 'published'
                        AND EXISTS (SELECT 1 FROM moderation_log l WHERE l.comment_id = c.id
                            AND (l.ground IS NOT NULL OR l.action IN ('held', 'rejected', 'reject')))
                        ORDER BY c.created_at DESC, c.id DESC""")
                .bind("author", authorId)
                .mapTo(String.class)
                .list());
    }

    private static Restriction restrictionOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Restriction(rs.getString("id"), rs.getString("site_id"), rs.getString("comment_id"),
                rs.getString("subject_id"), rs.getString("actor_id"), rs.getString("action"), rs.getString("reason"),
                rs.getString("ground"), rs.getString("category"), rs.getString("facts"), rs.getInt("flagged") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** Appends one decision to the moderation log. */
    public void log(LogEntry entry) {
        log(entry, null);
    }

    /** Appends one decision with the category a moderator named (null for none) to the moderation log. */
    public void log(LogEntry entry, String category) {
        jdbi.useHandle(handle -> log(handle, entry, category));
    }

    /** Appends one decision to the moderation log within the caller's transaction. */
    public static void log(Handle handle, LogEntry entry, String category) {
        log(handle, entry, new Basis(null, category, null));
    }

    /**
     * What a restriction rests on, for its statement of reasons (docs/dsa.md).
     *
     * @param ground {@code guidelines} or {@code illegal}; null where the entry restricts nothing
     * @param category a guideline category (rude …) or, on the ground {@code illegal}, the legal category; or null
     * @param facts the passages it rests on as JSON {@code [{category, text}]}, or null
     */
    public record Basis(String ground, String category, String facts) {
    }

    /** Appends one decision with what it rests on to the moderation log within the caller's transaction. */
    public static void log(Handle handle, LogEntry entry, Basis basis) {
        handle.createUpdate("""
                        INSERT INTO moderation_log (id, site_id, comment_id, subject_id, actor_id, action, reason,
                            scores, model_version, created_at, category, ground, facts)
                        VALUES (:id, :site, :comment, :subject, :actor, :action, :reason, :scores, :model, :at,
                            :category, :ground, :facts)""")
                .bind("id", Ids.newId())
                .bind("site", entry.siteId())
                .bind("comment", entry.commentId())
                .bind("subject", entry.subjectId())
                .bind("actor", entry.actorId())
                .bind("action", entry.action())
                .bind("reason", entry.reason())
                .bind("scores", entry.scores())
                .bind("model", entry.modelVersion())
                .bind("at", entry.at().toEpochMilli())
                .bind("category", basis.category())
                .bind("ground", basis.ground())
                .bind("facts", basis.facts())
                .execute();
    }

    /**
     * One decision as the moderation log keeps it.
     *
     * @param actorId the moderator, or null when the pipeline decided
     * @param scores the classifier's scores as JSON, or null
     */
    public record LogEntry(String siteId, String commentId, String subjectId, String actorId, String action,
            String reason, String scores, String modelVersion, Instant at) {
    }
}
