package org.parley.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.problem.Problem;
import org.parley.store.Ids;

/**
 * A site's webhooks as admins manage them: add, change, delete, read the delivery log, re-send. Who may call is
 * the API's to check. A secret is made here when none is given and shown only in the answer to its creation.
 * Thread-safe.
 */
public final class Webhooks {

    /** The most deliveries the log shows per hook. */
    public static final int LOG_SIZE = 100;
    private static final int MAX_URL = 2000;

    /** A hook with its secret, as only its creation answers. */
    public record Created(Webhook webhook, String secret) {
    }

    /** A change: every field optional; {@code secret} replaces the old one. */
    public record Change(String url, List<String> events, Boolean active, String secret) {
    }

    private final WebhookStore store;
    private final ReceiverAddresses receivers;
    private final Clock clock;

    public Webhooks(WebhookStore store, ReceiverAddresses receivers, Clock clock) {
        this.store = store;
        this.receivers = receivers;
        this.clock = clock;
    }

    public List<Webhook> list(String siteId) {
        return store.list(siteId);
    }

    public Created create(String siteId, String url, List<String> events, Boolean active, String secret) {
        String chosen = secret == null ? "whsec_" + Ids.random(24) : requireSecret(secret);
        Webhook hook = new Webhook(Ids.newId(), siteId, requireUrl(url), requireEvents(events),
                active == null || active, clock.instant());
        store.insert(hook, chosen);
        return new Created(hook, chosen);
    }

    public Webhook change(String siteId, String id, Change change) {
        Webhook current = require(siteId, id);
        Webhook next = new Webhook(id, siteId, change.url() == null ? current.url() : requireUrl(change.url()),
                change.events() == null ? current.events() : requireEvents(change.events()),
                change.active() == null ? current.active() : change.active(), current.createdAt());
        store.update(next, change.secret() == null ? null : requireSecret(change.secret()));
        return next;
    }

    public void delete(String siteId, String id) {
        require(siteId, id);
        store.delete(id);
    }

    public List<Delivery> deliveries(String siteId, String id) {
        return store.deliveries(require(siteId, id).id(), LOG_SIZE);
    }

    /** Queues a delivery again, due at once and with a fresh retry window; the body and id stay the same. */
    public Delivery resend(String siteId, String id, String deliveryId) {
        require(siteId, id);
        store.delivery(id, deliveryId)
                .orElseThrow(() -> Problem.notFound("delivery", "This webhook has no such delivery."));
        store.resend(deliveryId, clock.instant());
        return store.delivery(id, deliveryId).orElseThrow();
    }

    private Webhook require(String siteId, String id) {
        return store.find(siteId, id).orElseThrow(() -> Problem.notFound("webhook", "The site has no such webhook."));
    }

    /** A well-formed http(s) URL whose host is one Parley may call (see {@link ReceiverAddresses}). */
    private String requireUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw Problem.invalid("url", "Give the receiver's http(s) URL.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw Problem.invalid("url", "The URL must be absolute and start with http:// or https://.");
            }
        } catch (URISyntaxException e) {
            throw Problem.invalid("url", "That is not a URL.");
        }
        receivers.checkHook(uri).ifPresent(refusal -> {
            throw Problem.unprocessable("webhook_private_address", refusal.reason(), "url");
        });
        return uri.toString();
    }

    private static List<String> requireEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw Problem.invalid("events", "Choose at least one event.");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String event : events) {
            WebhookEvent known = WebhookEvent.fromName(event).orElseThrow(() -> Problem.invalid("events",
                    "Unknown event '" + event + "'; known: comment.created, comment.published, comment.rejected,"
                            + " comment.edited, comment.removed, user.banned."));
            chosen.add(known.eventName());
        }
        return new ArrayList<>(chosen);
    }

    private static String requireSecret(String secret) {
        if (secret.strip().length() < 16 || secret.length() > 200) {
            throw Problem.invalid("secret", "A secret has 16 to 200 characters.");
        }
        return secret.strip();
    }
}
