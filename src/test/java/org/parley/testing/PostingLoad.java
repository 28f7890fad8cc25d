package org.parley.testing;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readers posting comments from several threads until stopped, for the durability tests: it keeps the id of every
 * comment the server acknowledged with 201, counts the other answers by status, times the slowest 503 and counts
 * requests that got no answer at all (the server was killed under them). Each thread posts as its own reader.
 */
public final class PostingLoad implements AutoCloseable {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unavailableWithRetryAfter = new AtomicInteger();
    private final AtomicLong slowestUnavailableMillis = new AtomicLong();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts one posting thread per client, each posting to {@code articleUrl} on site demo. */
    public PostingLoad(List<ApiClient> readers, String articleUrl) {
        for (int t = 0; t < readers.size(); t++) {
            ApiClient reader = readers.get(t);
            int thread = t;
            Thread poster = new Thread(() -> post(reader, articleUrl, thread), "posting-load-" + t);
            poster.setDaemon(true);
            threads.add(poster);
            poster.start();
        }
    }

    /** {@code count} readers signed up on the server at {@code baseUrl}, named after {@code prefix}. */
    public static List<ApiClient> signUp(String baseUrl, int count, String prefix) {
        List<ApiClient> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient reader = new ApiClient(baseUrl);
            reader.signUp(prefix + i + "@load.example", "Reader " + prefix + " " + i);
            readers.add(reader);
        }
        return readers;
    }

    private void post(ApiClient reader, String articleUrl, int thread) {
        for (int i = 0; running; i++) {
            long start = System.nanoTime();
            Response response;
            try {
                response = reader.post("/api/v1/comments", Map.of("site", "demo", "url", articleUrl,
                        "body", "Reader " + thread + " adds thought number " + i + " to the discussion."));
            } catch (UncheckedIOException | IllegalStateException e) {
                unanswered.incrementAndGet();
                pause();
                continue;
            }
            statuses.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
            if (response.status() == 201) {
                acknowledged.add(response.json().get("comment").get("id").asText());
            } else if (response.status() == 503) {
                slowestUnavailableMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                if ("unavailable".equals(response.json().get("error").asText())
                        && response.header("Retry-After") != null) {
                    unavailableWithRetryAfter.incrementAndGet();
                }
            }
        }
    }

    /** A short pause after a refused connection, so a dead server is not spun against. */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ids of the comments acknowledged with 201 so far. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** How many answers had this status. */
    public int answered(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** Answers by status. */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    public int unavailableWithRetryAfter() {
        return unavailableWithRetryAfter.get();
    }

    public long slowestUnavailableMillis() {
        return slowestUnavailableMillis.get();
    }

    /** Requests that got no HTTP answer (connection refused or cut). */
    public int unanswered() {
        return unanswered.get();
    }

    /** Stops posting and waits for the threads (each finishes the request it is in). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
