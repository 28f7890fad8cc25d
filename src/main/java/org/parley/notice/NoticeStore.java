package org.parley.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.comment.Comment;
import org.parley.comment.CommentStore;
import org.parley.store.Cursor;

/**
 * The SQL of notices of illegal content, and the only writer of {@code notices} rows: a notice is inserted open,
 * decided once (actioned or dismissed, with who, when and the reasons mailed to the notifier), and loses the
 * notifier's name and e-mail when the notifier's account is deleted. Thread-safe.
 */
public final class NoticeStore {

    /** Notices in one page of the moderators' queue. */
    public static final int PAGE_SIZE = 50;

    /** A notice's columns, each named {@code n_<column>}, so that they can sit beside a comment's columns. */
    private static final String COLUMNS = """
            n.id AS n_id, n.site_id AS n_site_id, n.comment_id AS n_comment_id, n.category AS n_category,
            n.explanation AS n_explanation, n.notifier_account_id AS n_notifier_account_id,
            n.notifier_name AS n_notifier_name, n.notifier_email AS n_notifier_email, n.status AS n_status,
            n.decided_by AS n_decided_by, n.decided_at AS n_decided_at, n.decision_reason AS n_decision_reason,
            n.created_at AS n_created_at""";

    /** A notice in the moderators' queue: the notice, the comment it is about and the comment's story. */
    public record QueueEntry(Notice notice, Comment comment, String storyTitle, String storyUrl) {
    }

    public record Page(List<QueueEntry> entries, String nextCursor) {
    }

    private final Jdbi jdbi;

    public NoticeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Stores a new notice within the caller's transaction; a notice is good-faith by construction. */
    public void insert(Handle handle, Notice notice) {
        handle.createUpdate("""
                        INSERT INTO notices (id, site_id, comment_id, category, explanation, notifier_account_id,
                            notifier_name, notifier_email, good_faith, status, created_at)
                        VALUES (:id, :site, :comment, :category, :explanation, :account, :name, :email, 1,
                            :status, :at)""")
                .bind("id", notice.id())
                .bind("site", notice.siteId())
                .bind("comment", notice.commentId())
                .bind("category", notice.category().code())
                .bind("explanation", notice.explanation())
                .bind("account", notice.notifierAccountId())
                .bind("name", notice.notifierName())
                .bind("email", notice.notifierEmail())
                .bind("status", notice.status().code())
                .bind("at", notice.createdAt().toEpochMilli())
                .execute();
    }

    public static Optional<Notice> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM notices n WHERE n.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> notice(rs))
                .findOne();
    }

    /** The open notices on a comment, oldest first. */
    public static List<Notice> openOn(Handle handle, String commentId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM notices n WHERE n.comment_id = :comment"
                        + " AND n.status = 'open' ORDER BY n.created_at, n.id")
                .bind("comment", commentId)
                .map((rs, ctx) -> notice(rs))
                .list();
    }

    /** Decides an open notice: actioned or dismissed, by whom, when and why; answers false if it was not open. */
    public boolean decide(Handle handle, String noticeId, NoticeStatus status, String moderatorId, Instant at,
            String reason) {
        return handle.createUpdate("""
                        UPDATE notices SET status = :status, decided_by = :moderator, decided_at = :at,
                            decision_reason = :reason
                        WHERE id = :id AND status = 'open'""")
                .bind("status", status.code())
                .bind("moderator", moderatorId)
                .bind("at", at.toEpochMilli())
                .bind("reason", reason)
                .bind("id", noticeId)
                .execute() == 1;
    }

    /** A page of a site's notices with one status, oldest first (the queue's order: the longest waiting on top). */
    public Page list(String siteId, NoticeStatus status, String cursor) {
        Cursor after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, 2);
        String sql = "SELECT " + COLUMNS + ", " + CommentStore.SELECT_COLUMNS
                + ", s.title AS story_title, s.url AS story_url "
                + CommentStore.JOINS.replace("FROM comments c", "FROM notices n JOIN comments c ON c.id = n.comment_id")
                + " JOIN stories s ON s.id = c.story_id WHERE n.site_id = :site AND n.status = :status"
                + (after == null ? "" : " AND (n.created_at > :t OR (n.created_at = :t AND n.id > :nid))")
                + " ORDER BY n.created_at, n.id LIMIT " + (PAGE_SIZE + 1);
        List<QueueEntry> rows = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("site", siteId).bind("status", status.code());
            if (after != null) {
                query.bind("t", after.getLong(0)).bind("nid", after.get(1));
            }
            return query.map((rs, ctx) -> new QueueEntry(notice(rs), CommentStore.comment(rs, ctx),
                    rs.getString("story_title"), rs.getString("story_url"))).list();
        });
        boolean more = rows.size() > PAGE_SIZE;
        List<QueueEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        Notice last = page.isEmpty() ? null : page.get(page.size() - 1).notice();
        return new Page(page, more ? Cursor.of(Long.toString(last.createdAt().toEpochMilli()), last.id()).encode()
                : null);
    }

    /** The notices an account sent, for its data export, oldest first. */
    public static List<Map<String, Object>> sentBy(Handle handle, String accountId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM notices n WHERE n.notifier_account_id = :account"
                        + " ORDER BY n.created_at, n.id")
                .bind("account", accountId)
                .map((rs, ctx) -> {
                    Notice notice = notice(rs);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", notice.id());
                    row.put("site", notice.siteId());
                    row.put("commentId", notice.commentId());
                    row.put("category", notice.category().code());
                    row.put("explanation", notice.explanation());
                    row.put("name", notice.notifierName());
                    row.put("email", notice.notifierEmail());
                    row.put("status", notice.status().code());
                    row.put("decidedAt", notice.decidedAt() == null ? null : notice.decidedAt().toString());
                    row.put("decisionReason", notice.decisionReason());
                    row.put("createdAt", notice.createdAt().toString());
                    return row;
                })
                .list();
    }

    /**
     * Erases the name and e-mail an account gave on its notices (its account is being deleted), within the
     * caller's transaction; the notices stay, for the moderators' record and the transparency report.
     */
    public static void eraseNotifier(Handle handle, String accountId) {
        handle.createUpdate("UPDATE notices SET notifier_name = NULL, notifier_email = NULL"
                        + " WHERE notifier_account_id = :account")
                .bind("account", accountId)
                .execute();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        long decidedAt = rs.getLong("n_decided_at");
        Instant decided = rs.wasNull() ? null : Instant.ofEpochMilli(decidedAt);
        return new Notice(rs.getString("n_id"), rs.getString("n_site_id"), rs.getString("n_comment_id"),
                NoticeCategory.ofCode(rs.getString("n_category")), rs.getString("n_explanation"),
                rs.getString("n_notifier_account_id"), rs.getString("n_notifier_name"),
                rs.getString("n_notifier_email"), NoticeStatus.ofCode(rs.getString("n_status")),
                rs.getString("n_decided_by"), decided, rs.getString("n_decision_reason"),
                Instant.ofEpochMilli(rs.getLong("n_created_at")));
    }
}
