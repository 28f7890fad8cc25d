package org.parley.moderation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.site.Site;
import org.parley.site.SiteStore;

/**
 * The moderation queues' sizes per site as a gauge, {@code parley_moderation_queue_size{site, queue}}. Counting is
 * a few queries per site, so the counts are taken at most once per {@link #MAX_AGE}, when metrics are scraped
 * ({@link #refresh()}), and scrapes in between see the last counts. Thread-safe.
 */
public final class QueueSizes {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final SiteStore sites;
    private final Queue queue;
        private final Clock clock;
    private final MultiGauge gauge;
    private Instant countedAt = Instant.EPOCH;

    public QueueSizes(SiteStore sites, Queue queue, Clock clock, MeterRegistry registry) {
        this.sites = sites;
        this.queue = queue;
        this.clock = clock;
        this.gauge = MultiGauge.builder("parley.moderation.queue.size")
                .description("Comments waiting in each moderation queue of each site (counted every 10 s at most)")
                .register(registry);
    }

    /** Counts the queues again if the last counts are older than {@link #MAX_AGE}. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(MAX_AGE) < 0) {
            return;
        }
        countedAt = now;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Site site : sites.list()) {
            queue.counts(site.id(), sites.settings(site.id())).forEach((kind, count) ->
                    rows.add(MultiGauge.Row.of(Tags.of("site", site.id(), "queue", kind), count)));
        }
        gauge.register(rows, true);
    }
}
