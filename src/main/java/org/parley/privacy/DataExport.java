package org.parley.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.notice.NoticeStore;

/**
 * Everything Parley holds about one reader, gathered for {@code GET /api/v1/me/export}: the account (without the
 * password hash), comments with every revision and their moderation status, respects, reports, private
 * disagreements, sessions and API tokens (when and what, never their secrets), moderation actions about them (the
 * moderator's identity left out), the notices of illegal content they sent (with the name and e-mail they gave),
 * the sites they moderate, and the hashed addresses still kept. Read in one transaction, so the parts agree; parts
 * other packages add ({@link #include}: the statements of reasons and appeals) are read right after it.
 * Thread-safe.
 */
public final class DataExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface Row {
        void fill(ResultSet rs, Map<String, Object> into) throws SQLException;
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Function<String, Object>> parts = new ConcurrentSkipListMap<>();

    public DataExport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Adds a part of the export another package keeps: {@code part} gives it for an account's id. */
    public void include(String name, Function<String, Object> part) {
        parts.put(name, part);
    }

    public Map<String, Object> of(String accountId, String currentSessionHash) {
        Map<String, Object> export = gather(accountId, currentSessionHash);
        parts.forEach((name, part) -> export.put(name, part.apply(accountId)));
        return export;
    }

    private Map<String, Object> gather(String accountId, String currentSessionHash) {
        return jdbi.inTransaction(handle -> {
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("exportedAt", clock.instant().toString());
            export.put("account", list(handle, """
                    SELECT id, email, display_name, role, created_at, banned_until, ban_reason, warning
                    FROM accounts WHERE id = :account""", accountId, (rs, row) -> {
                    row.put("id", rs.getString("id"));
                    row.put("email", rs.getString("email"));
                    row.put("displayName", rs.getString("display_name"));
                    row.put("role", rs.getString("role"));
                    row.put("createdAt", time(rs, "created_at"));
                    row.put("bannedUntil", time(rs, "banned_until"));
                    row.put("banReason", rs.getString("ban_reason"));
                    row.put("warning", rs.getString("warning"));
                }).get(0));
            List<Map<String, Object>> comments = list(handle, """
                    SELECT c.id, s.site_id, s.id AS story_id, s.url, s.title, c.parent_id, c.body, c.status,
                        c.scores, c.created_at, c.edited_at
                    FROM comments c JOIN stories s ON s.id = c.story_id
                    WHERE c.author_id = :account ORDER BY c.created_at, c.id""", accountId, (rs, row) -> {
                    row.put("id", rs.getString("id"));
                    row.put("site", rs.getString("site_id"));
                    row.put("story", Map.of("id", rs.getString("story_id"), "url", rs.getString("url"),
                            "title", rs.getString("title")));
                    row.put("parentId", rs.getString("parent_id"));
                    row.put("body", rs.getString("body"));
                    row.put("status", rs.getString("status"));
                    row.put("scores", json(rs.getString("scores")));
                    row.put("createdAt", time(rs, "created_at"));
                    row.put("editedAt", time(rs, "edited_at"));
                });
            for (Map<String, Object> comment : comments) {
                comment.put("revisions", list(handle, "SELECT revision, body, created_at FROM comment_revisions"
                        + " WHERE comment_id = :account ORDER BY revision", (String) comment.get("id"), (rs, row) -> {
                            row.put("revision", rs.getInt("revision"));
                            row.put("body", rs.getString("body"));
                            row.put("createdAt", time(rs, "created_at"));
                        }));
            }
            export.put("comments", comments);
            export.put("respects", list(handle, "SELECT comment_id, story_id, created_at FROM respects"
                    + " WHERE account_id = :account ORDER BY created_at", accountId, DataExport::onComment));
            export.put("reports", list(handle, "SELECT comment_id, story_id, reason, note, created_at FROM reports"
                    + " WHERE account_id = :account ORDER BY created_at", accountId, (rs, row) -> {
                        onComment(rs, row);
                        row.put("reason", rs.getString("reason"));
                        row.put("note", rs.getString("note"));
                    }));
            export.put("disagreements", list(handle, "SELECT comment_id, story_id, created_at FROM disagreements"
                    + " WHERE account_id = :account ORDER BY created_at", accountId, DataExport::onComment));
            export.put("sessions", list(handle, "SELECT token_hash, created_at, expires_at FROM sessions"
                    + " WHERE account_id = :account ORDER BY created_at", accountId, (rs, row) -> {
                        row.put("createdAt", time(rs, "created_at"));
                        row.put("expiresAt", time(rs, "expires_at"));
                        row.put("current", rs.getString("token_hash").equals(currentSessionHash));
                    }));
            export.put("apiTokens", list(handle, "SELECT name, created_at FROM api_tokens"
                    + " WHERE account_id = :account ORDER BY created_at", accountId, (rs, row) -> {
                        row.put("name", rs.getString("name"));
                        row.put("createdAt", time(rs, "created_at"));
                    }));
            export.put("moderationActions", list(handle, """
                    SELECT site_id, comment_id, action, reason, category, created_at FROM moderation_log
                    WHERE subject_id = :account ORDER BY created_at, id""", accountId, (rs, row) -> {
                        row.put("site", rs.getString("site_id"));
                        row.put("commentId", rs.getString("comment_id"));
                        row.put("action", rs.getString("action"));
                        row.put("reason", rs.getString("reason"));
                        row.put("category", rs.getString("category"));
                        row.put("at", time(rs, "created_at"));
                    }));
            export.put("notices", NoticeStore.sentBy(handle, accountId));
            export.put("moderatesSites", handle.createQuery("SELECT site_id FROM moderator_sites"
                            + " WHERE account_id = :account ORDER BY site_id")
                    .bind("account", accountId)
                    .mapTo(String.class)
                    .list());
            export.put("addressHashes", list(handle, "SELECT action, ref_id, ip_hash, created_at"
                    + " FROM client_addresses WHERE account_id = :account ORDER BY created_at", accountId,
                    (rs, row) -> {
                        row.put("action", rs.getString("action"));
                        row.put("refId", rs.getString("ref_id"));
                        row.put("addressHash", rs.getString("ip_hash"));
                        row.put("at", time(rs, "created_at"));
                    }));
            return export;
        });
    }

    private static void onComment(ResultSet rs, Map<String, Object> row) throws SQLException {
        row.put("commentId", rs.getString("comment_id"));
        row.put("storyId", rs.getString("story_id"));
        row.put("at", time(rs, "created_at"));
    }

    private static List<Map<String, Object>> list(Handle handle, String sql, String accountId, Row row) {
        return handle.createQuery(sql)
                .bind("account", accountId)
                .map((rs, ctx) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    row.fill(rs, values);
                    return values;
                })
                .list();
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
