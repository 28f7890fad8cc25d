package org.parley.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of webhooks and their delivery queue.
 *
 * <p>Several instances may share the queue: a delivery is claimed by a conditional {@code UPDATE} that only one
 * of them can win (it sets {@code claimed_until} while the row is due and unclaimed), a pattern both SQLite and
 * PostgreSQL serialize on the row. A claim lapses by itself, so a delivery held by an instance that died is
 * sent by another once its claim runs out. Thread-safe.
 */
public final class WebhookStore {

    private static final String HOOK_COLUMNS = "id, site_id, url, events, active, created_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event, status, attempts, response_code,"
            + " last_error, created_at, next_attempt_at, delivered_at";

    /** What the sender needs for one attempt. */
    record Attempt(String id, String event, String payload, int attempts, Instant retrySince, String url,
            String secret) {
    }

    private final Jdbi jdbi;

    public WebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    void insert(Webhook hook, String secret) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO webhooks (id, site_id, url, secret, events, active, created_at)
                        VALUES (:id, :site, :url, :secret, :events, :active, :createdAt)""")
                .bind("id", hook.id())
                .bind("site", hook.siteId())
                .bind("url", hook.url())
                .bind("secret", secret)
                .bind("events", String.join(" ", hook.events()))
                .bind("active", hook.active() ? 1 : 0)
                .bind("createdAt", hook.createdAt().toEpochMilli())
                .execute());
    }

    void update(Webhook hook, String secret) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE webhooks SET url = :url, events = :events,"
                        + " active = :active, secret = COALESCE(:secret, secret) WHERE id = :id")
                .bind("id", hook.id())
                .bind("url", hook.url())
                .bind("events", String.join(" ", hook.events()))
                .bind("active", hook.active() ? 1 : 0)
                .bind("secret", secret)
                .execute());
    }

    void delete(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id).execute());
    }

    List<Webhook> list(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + HOOK_COLUMNS
                        + " FROM webhooks WHERE site_id = :site ORDER BY created_at, id")
                .bind("site", siteId)
                .map(WebhookStore::webhook)
                .list());
    }

    Optional<Webhook> find(String siteId, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + HOOK_COLUMNS
                        + " FROM webhooks WHERE site_id = :site AND id = :id")
                .bind("site", siteId)
                .bind("id", id)
                .map(WebhookStore::webhook)
                .findOne());
    }

    /** The site's active hooks subscribed to the event, read inside the writer's transaction. */
    static List<String> subscribers(Handle handle, String siteId, WebhookEvent event) {
        return handle.createQuery("SELECT " + HOOK_COLUMNS + " FROM webhooks WHERE site_id = :site AND active = 1")
                .bind("site", siteId)
                .map(WebhookStore::webhook)
                .stream()
                .filter(hook -> hook.events().contains(event.eventName()))
                .map(Webhook::id)
                .toList();
    }

    static void enqueue(Handle handle, String id, String webhookId, WebhookEvent event, String payload,
            Instant now) {
        handle.createUpdate("""
                        INSERT INTO webhook_deliveries (id, webhook_id, event, payload, status, attempts, retry_since,
                            next_attempt_at, claimed_until, created_at)
                        VALUES (:id, :hook, :event, :payload, 'pending', 0, :now, :now, 0, :now)""")
                .bind("id", id)
                .bind("hook", webhookId)
                .bind("event", event.eventName())
                .bind("payload", payload)
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /** The newest deliveries of a hook, at most {@code limit}. */
    List<Delivery> deliveries(String webhookId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE webhook_id = :hook ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit")
                .bind("hook", webhookId)
                .bind("limit", limit)
                .map(WebhookStore::deliveryRow)
                .list());
    }

    Optional<Delivery> delivery(String webhookId, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + DELIVERY_COLUMNS
                        + " FROM webhook_deliveries WHERE webhook_id = :hook AND id = :id")
                .bind("hook", webhookId)
                .bind("id", id)
                .map(WebhookStore::deliveryRow)
                .findOne());
    }

    /** Puts a delivery back in the queue, due now, with a fresh retry window; keeps its id and body. */
    void resend(String id, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE webhook_deliveries SET status = 'pending',"
                        + " retry_since = :now, next_attempt_at = :now, claimed_until = 0 WHERE id = :id")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Ids of deliveries due at {@code now} and not held by an instance, oldest due first. */
    List<String> due(Instant now, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM webhook_deliveries"
                        + " WHERE status = 'pending' AND next_attempt_at <= :now AND claimed_until <= :now"
                        + " ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .mapTo(String.class)
                .list());
    }

    /** Claims a due delivery until {@code until}; true for the one instance that got it. */
    boolean claim(String id, Instant now, Instant until) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE webhook_deliveries SET claimed_until = :until"
                        + " WHERE id = :id AND status = 'pending' AND next_attempt_at <= :now"
                        + " AND claimed_until <= :now")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .bind("until", until.toEpochMilli())
                .execute()) == 1;
    }

    Attempt attempt(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT d.id, d.event, d.payload, d.attempts, d.retry_since, w.url, w.secret
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Attempt(rs.getString("id"), rs.getString("event"), rs.getString("payload"),
                        rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("retry_since")), rs.getString("url"),
                        rs.getString("secret")))
                .one());
    }

    /**
     * Records an attempt's outcome and releases the claim: {@code delivered}, {@code pending} with the next
     * attempt's time, or {@code failed}.
     */
    void recordAttempt(String id, String status, Integer responseCode, String error, Instant nextAttemptAt,
            Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1,
                            response_code = :code, last_error = :error, next_attempt_at = :next, claimed_until = 0,
                            delivered_at = :delivered
                        WHERE id = :id""")
                .bind("id", id)
                .bind("status", status)
                .bind("code", responseCode)
                .bind("error", error)
                .bind("next", nextAttemptAt == null ? now.toEpochMilli() : nextAttemptAt.toEpochMilli())
                .bind("delivered", "delivered".equals(status) ? now.toEpochMilli() : null)
                .execute());
    }

    private static Webhook webhook(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        String events = rs.getString("events");
        return new Webhook(rs.getString("id"), rs.getString("site_id"), rs.getString("url"),
                events.isBlank() ? List.of() : Arrays.asList(events.split(" ")), rs.getInt("active") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Delivery deliveryRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        long delivered = rs.getLong("delivered_at");
        boolean deliveredNull = rs.wasNull();
        int code = rs.getInt("response_code");
        boolean codeNull = rs.wasNull();
        return new Delivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event"),
                rs.getString("status"), rs.getInt("attempts"), codeNull ? null : code, rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                deliveredNull ? null : Instant.ofEpochMilli(delivered));
    }
}
