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
 * change bumps, and a page is stored with the generation seen before it was read and served only while that is
 * still its story's generation. Pages are found by their parsed request ({@link #get}) and, for the hot path,
 * by the raw query string that asked for them ({@link #getByQuery}), so a repeated request skips parsing; both
 * lead to the same stored page, so a query string costs a key, not a copy of the body. Entries also expire after
 * a minute, a bound on staleness should an event ever be missed. A cache built switched off keeps nothing, so
 * every read goes to the database (PARLEY_THREAD_CACHE=off, for benchmarks of the cold path). Thread-safe.
 */
final class ThreadCache {

    private record Entry(CachedBody page, long generation) {
    }

    private final Cache<String, Entry> pages = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    private final Cache<String, Entry> queries = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final boolean enabled;

    ThreadCache(boolean enabled) {
        this.enabled = enabled;
    }

    CachedBody get(String key) {
        return current(pages.getIfPresent(key));
    }

    CachedBody getByQuery(String query) {
        return current(queries.getIfPresent(query));
    }

    long generation(String storyId) {
        return generations.getOrDefault(storyId, 0L);
    }

    /** Keeps a page read at {@code generation}; it is served only while its story stays at that generation. */
    void put(String key, CachedBody page, long generation) {
        if (!enabled) {
            return;
        }
        pages.put(key, new Entry(page, generation));
    }

    /** Lets requests with this raw query string find the page stored under {@code key}. */
    void alias(String query, String key) {
        Entry entry = pages.getIfPresent(key);
        if (entry != null) {
            queries.put(query, entry);
        }
    }

    void invalidate(String storyId) {
        generations.merge(storyId, 1L, Long::sum);
        pages.asMap().values().removeIf(entry -> storyId.equals(entry.page().tag()));
        queries.asMap().values().removeIf(entry -> storyId.equals(entry.page().tag()));
    }

    private CachedBody current(Entry entry) {
        return entry != null && entry.generation() == generation(entry.page().tag()) ? entry.page() : null;
    }
}
