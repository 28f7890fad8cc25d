package org.parley.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.web.CachedBody;

/**
 * Serialized thread pages, ready to send, dropped whenever their story's thread changes.
 *
 * <p>A page read while a write commits must not outlive the write: each story has a generation that every
 * change bumps; a page is kept only if its story's generation is the one seen before the page was read.
 * Entries also expire after a minute, a bound on staleness should an event ever be missed. Thread-safe.
 */
final class ThreadCache {

    private final Cache<String, CachedBody> pages = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    CachedBody get(String key) {
        return pages.getIfPresent(key);
    }

    long generation(String storyId) {
        return generations.getOrDefault(storyId, 0L);
    }

    /** Keeps a page read at {@code generation} unless its story changed since. */
    void put(String key, CachedBody page, long generation) {
        if (generation(page.tag()) == generation) {
            pages.put(key, page);
            if (generation(page.tag()) != generation) {
                pages.invalidate(key);
            }
        }
    }

    void invalidate(String storyId) {
        generations.merge(storyId, 1L, Long::sum);
        pages.asMap().values().removeIf(page -> storyId.equals(page.tag()));
    }
}
