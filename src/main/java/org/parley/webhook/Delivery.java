package org.parley.webhook;

import java.time.Instant;

/**
 * One event on its way to one webhook, as the delivery log shows it.
 *
 * @param status {@code pending} (waiting for its next attempt), {@code delivered} (answered 2xx) or {@code failed}
 *     (no 2xx within the retry window)
 * @param responseCode the HTTP status of the last attempt; null when none came (refused, timed out)
 * @param lastError why the last attempt failed, or null
 */
public record Delivery(String id, String webhookId, String event, String status, int attempts, Integer responseCode,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
}
