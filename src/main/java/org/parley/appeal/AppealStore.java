package org.parley.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of appeals: the only writer of {@code appeals} rows. Thread-safe. */
public final class AppealStore {

    private static final String SELECT = """
            SELECT id, site_id, comment_id, appellant_id, notice_id, reason, contested_log_id, contested_action,
                   contested_by, status, decided_by, decided_at, outcome_reason, created_at FROM appeals""";

    /** An open appeal with what the moderators' queue shows beside it. */
    public record Queued(Appeal appeal, String commentBody, String commentStatus, String authorName,
            String contestedByName, String storyTitle, String storyUrl) {
    }

    private final Jdbi jdbi;

    /** What an appeal's reason reads once its author deleted their account. */
    public static final String ERASED_REASON = "(erased with the account)";

    public AppealStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    static void insert(Handle handle, Appeal appeal) {
        handle.createUpdate("""
                        INSERT INTO appeals (id, site_id, comment_id, appellant_id, notice_id, reason, contested_log_id,
                            contested_action, contested_by, status, created_at)
                        VALUES (:id, :site, :comment, :appellant, :notice, :reason, :log, :action, :by, :status, :at)""")
                .bind("id", appeal.id())
                .bind("site", appeal.siteId())
                .bind("comment", appeal.commentId())
                .bind("appellant", appeal.appellantId())
                .bind("notice", appeal.noticeId())
                .bind("reason", appeal.reason())
                .bind("log", appeal.contestedLogId())
                .bind("action", appeal.contestedAction())
                .bind("by", appeal.contestedBy())
                .bind("status", appeal.status())
                .bind("at", appeal.createdAt().toEpochMilli())
                .execute();
    }

    /** Records the outcome of an open appeal; false when it was no longer open. */
    static boolean decide(Handle handle, String id, String status, String moderatorId, Instant at, String reason) {
        return handle.createUpdate("""
                        UPDATE appeals SET status = :status, decided_by = :moderator, decided_at = :at,
                            outcome_reason = :reason WHERE id = :id AND status = 'open'""")
                .bind("status", status)
                .bind("moderator", moderatorId)
                .bind("at", at.toEpochMilli())
                .bind("reason", reason)
                .bind("id", id)
                .execute() == 1;
    }

    /**
     * Erases what a deleting account wrote in its appeals, within the deletion's transaction: the reasons go, the
     * appeals stay (their outcome counts in the transparency report) with the already anonymous account.
     */
    public static void eraseAppellant(Handle handle, String accountId) {
        handle.createUpdate("UPDATE appeals SET reason = :erased WHERE appellant_id = :account")
                .bind("erased", ERASED_REASON)
                .bind("account", accountId)
                .execute();
    }

    public Optional<Appeal> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> appeal(rs)).findOne());
    }

    static Appeal findIn(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map((rs, ctx) -> appeal(rs)).one();
    }

    /** The latest appeal on a comment by an appellant (null: by anyone), for the statement's redress. */
    public Optional<Appeal> latest(String commentId, String appellantId) {
        return jdbi.withHandle(handle -> latest(handle, commentId, appellantId));
    }

    /** {@link #latest(String, String)} within the caller's transaction. */
    public static Optional<Appeal> latest(Handle handle, String commentId, String appellantId) {
        var query = handle.createQuery(SELECT + " WHERE comment_id = :comment AND notice_id IS NULL"
                        + (appellantId == null ? "" : " AND appellant_id = :appellant")
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("comment", commentId);
        if (appellantId != null) {
            query.bind("appellant", appellantId);
        }
        return query.map((rs, ctx) -> appeal(rs)).findOne();
    }

    /** Whether the appellant has an open appeal on the comment (not through a notice). */
    static boolean openByAppellant(Handle handle, String commentId, String appellantId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM appeals WHERE status = 'open' AND comment_id = :comment
                        AND notice_id IS NULL AND appellant_id = :appellant""")
                .bind("comment", commentId)
                .bind("appellant", appellantId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Whether the notice's decision has an open appeal. */
    static boolean openOnNotice(Handle handle, String noticeId) {
        return handle.createQuery("SELECT COUNT(*) FROM appeals WHERE status = 'open' AND notice_id = :notice")
                .bind("notice", noticeId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** A site's open appeals, oldest first: the appeals queue. */
    public List<Queued> open(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT p.id, p.site_id, p.comment_id, p.appellant_id, p.notice_id, p.reason,
                               p.contested_log_id, p.contested_action, p.contested_by, p.status, p.decided_by,
                               p.decided_at, p.outcome_reason, p.created_at,
                               c.body, c.status AS comment_status, a.display_name AS author_name,
                               m.display_name AS contested_by_name, s.title, s.url
                        FROM appeals p JOIN comments c ON c.id = p.comment_id
                        JOIN accounts a ON a.id = c.author_id JOIN stories s ON s.id = c.story_id
                        LEFT JOIN accounts m ON m.id = p.contested_by
                        WHERE p.site_id = :site AND p.status = 'open'
                        ORDER BY p.created_at, p.id LIMIT 200""")
                .bind("site", siteId)
                .map((rs, ctx) -> new Queued(appeal(rs), rs.getString("body"), rs.getString("comment_status"),
                        rs.getString("author_name"), rs.getString("contested_by_name"), rs.getString("title"),
                        rs.getString("url")))
                .list());
    }

    /** The appeals an account made, newest first, for its data export. */
    public List<Appeal> byAppellant(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + " WHERE appellant_id = :account ORDER BY created_at DESC, id DESC")
                .bind("account", accountId).map((rs, ctx) -> appeal(rs)).list());
    }

    private static Appeal appeal(ResultSet rs) throws SQLException {
        long decidedAt = rs.getLong("decided_at");
        boolean decided = !rs.wasNull();
        return new Appeal(rs.getString("id"), rs.getString("site_id"), rs.getString("comment_id"),
                rs.getString("appellant_id"), rs.getString("notice_id"), rs.getString("reason"),
                rs.getString("contested_log_id"), rs.getString("contested_action"), rs.getString("contested_by"),
                rs.getString("status"), rs.getString("decided_by"), decided ? Instant.ofEpochMilli(decidedAt) : null,
                rs.getString("outcome_reason"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
