package org.parley.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.comment.CommentChange;
import org.parley.comment.CommentStore;
import org.parley.store.Ids;

/**
 * Puts events in the webhook queue inside the transaction that makes them, so a delivery exists exactly when the
 * change committed. Comment events arrive through {@link CommentStore#onChange}; bans through {@link #userBanned}.
 *
 * <p>The body (see docs/api.md, "Webhooks") is {@code {event, site, occurredAt, data}}; it is written once, here,
 * and sent byte for byte on every attempt. Thread-safe.
 */
public final class Outbox implements CommentStore.ChangeListener {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void changed(Handle handle, String commentId, List<CommentChange> changes) {
        // One statement per write: it finds nothing on a site without active hooks (the usual case), so comments
        // there pay for nothing more; which hooks take each event is decided in enqueue.
        Optional<Map<String, Object>> comment = handle.createQuery("""
                        SELECT c.id, c.story_id, s.site_id, s.url, s.title, c.parent_id, c.author_id,
                            a.display_name, c.body, c.html, c.status, c.created_at, c.edited_at
                        FROM comments c JOIN stories s ON s.id = c.story_id JOIN accounts a ON a.id = c.author_id
                        WHERE c.id = :id AND EXISTS (SELECT 1 FROM webhooks w WHERE w.site_id = s.site_id
                            AND w.active = 1)""")
                .bind("id", commentId)
                .map((rs, ctx) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("id", rs.getString("id"));
                    data.put("site", rs.getString("site_id"));
                    data.put("story", Map.of("id", rs.getString("story_id"), "url", rs.getString("url"),
                            "title", rs.getString("title")));
                    data.put("parentId", rs.getString("parent_id"));
                    data.put("author", Map.of("id", rs.getString("author_id"),
                            "displayName", rs.getString("display_name")));
                    data.put("body", rs.getString("body"));
                    data.put("html", rs.getString("html"));
                    data.put("status", rs.getString("status"));
                    data.put("createdAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                    long edited = rs.getLong("edited_at");
                    data.put("editedAt", rs.wasNull() ? null : Instant.ofEpochMilli(edited).toString());
                    return data;
                })
                .findOne();
        if (comment.isEmpty()) {
            return;
        }
        String site = (String) comment.get().remove("site");
        for (CommentChange change : changes) {
            enqueue(handle, site, WebhookEvent.fromName(change.eventName()).orElseThrow(),
                    Map.of("comment", comment.get()));
        }
    }

    /**
     * Queues {@code user.banned} for the hooks of every site the reader commented on (bans apply to the whole
     * installation); {@code until} is null for a ban without end.
     */
    public void userBanned(Handle handle, String accountId, String displayName, String reason, Instant until) {
        List<String> sites = handle.createQuery("SELECT DISTINCT s.site_id FROM comments c"
                        + " JOIN stories s ON s.id = c.story_id WHERE c.author_id = :account ORDER BY s.site_id")
                .bind("account", accountId)
                .mapTo(String.class)
                .list();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", Map.of("id", accountId, "displayName", displayName));
        data.put("reason", reason);
        data.put("until", until == null ? null : until.toString());
        for (String site : sites) {
            enqueue(handle, site, WebhookEvent.USER_BANNED, data);
        }
    }

    private void enqueue(Handle handle, String site, WebhookEvent event, Map<String, Object> data) {
        List<String> hooks = WebhookStore.subscribers(handle, site, event);
        if (hooks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.eventName());
        body.put("site", site);
        body.put("occurredAt", now.toString());
        body.put("data", data);
        String payload;
        try {
            payload = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain maps and strings", e);
        }
        for (String hook : hooks) {
            WebhookStore.enqueue(handle, Ids.newId(), hook, event, payload, now);
        }
    }
}
