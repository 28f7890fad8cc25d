package org.parley.webhook;

import java.time.Instant;
import java.util.List;

/** A site's receiver as admins see it; its secret is never part of it (shown once, at creation). */
public record Webhook(String id, String siteId, String url, List<String> events, boolean active, Instant createdAt) {
}
