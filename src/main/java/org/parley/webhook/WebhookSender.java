package org.parley.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the delivery queue: claims what is due (see {@link WebhookStore} for how instances share it),
 * POSTs each body with its event, delivery id and signature, and records the answer. A 2xx delivers; anything
 * else, or no answer within the timeouts, schedules a retry by the {@link Backoff}, until its window is spent and
 * the delivery is marked failed. Before each attempt the receiver's host is checked again
 * ({@link ReceiverAddresses}: its name may point elsewhere since the hook was saved); a refused one is not called,
 * and the refusal, with its reason, is the attempt's error in the delivery log, retried like any failure. Time
 * comes from the clock, so tests move it instead of waiting. Thread-safe; the server calls {@link #deliverDue}
 * from one background thread.
 */
public final class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;
    /** How long a claim holds: longer than one attempt can take (connect plus answer timeouts). */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR = 300;

    private final WebhookStore store;
    private final Backoff backoff;
    private final ReceiverAddresses receivers;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public WebhookSender(WebhookStore store, Backoff backoff, ReceiverAddresses receivers, Clock clock) {
        this.store = store;
        this.backoff = backoff;
        this.receivers = receivers;
        this.clock = clock;
    }

    /** Sends every delivery due now that this instance manages to claim; answers how many it attempted. */
    public int deliverDue() {
        int attempted = 0;
        Instant now = clock.instant();
        for (String id : store.due(now, BATCH)) {
            if (store.claim(id, now, now.plus(CLAIM))) {
                attempt(store.attempt(id));
                attempted++;
            }
        }
        return attempted;
    }

    private void attempt(WebhookStore.Attempt attempt) {
        byte[] body = attempt.payload().getBytes(StandardCharsets.UTF_8);
        Integer code = null;
        String error = null;
        try {
            URI url = URI.create(attempt.url());
            Optional<ReceiverAddresses.Refusal> refusal = receivers.checkDelivery(url);
            if (refusal.isPresent()) {
                error = shorten("refused: " + refusal.get().reason());
                LOG.warn("Webhook delivery {} to {} not sent: {}", attempt.id(), url.getHost(),
                        refusal.get().reason());
            } else {
                code = send(attempt, url, body);
                if (code < 200 || code > 299) {
                    error = "answered " + code;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            error = shorten(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Instant now = clock.instant();
        if (error == null) {
            store.recordAttempt(attempt.id(), "delivered", code, null, null, now);
            return;
        }
        Optional<Instant> next = backoff.next(attempt.attempts() + 1, now, attempt.retrySince());
        store.recordAttempt(attempt.id(), next.isPresent() ? "pending" : "failed", code, error, next.orElse(null),
                now);
        if (next.isEmpty()) {
            LOG.warn("Webhook delivery {} ({}) failed for good after {} attempts: {}", attempt.id(), attempt.event(),
                    attempt.attempts() + 1, error);
        }
    }

    private int send(WebhookStore.Attempt attempt, URI url, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Parley-Webhooks")
                .header("X-Parley-Event", attempt.event())
                .header("X-Parley-Delivery", attempt.id())
                .header("X-Parley-Signature", Signature.header(attempt.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
