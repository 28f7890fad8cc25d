package org.parley.api;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.parley.account.Account;
import org.parley.comment.Comment;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.ThreadComment;
import org.parley.moderation.EditWindows;
import org.parley.site.ModeratorAccess;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.story.StoryStore;

/**
 * Server-sent events: readers of a thread hear {@code comment.published}, {@code comment.edited} and
 * {@code comment.removed} with the comment; moderators of a site hear {@code queue.changed} whenever a comment
 * of the site is held, published, removed or reported, and fetch the queue again.
 *
 * <p>Events are sent from one background thread, never from the writer's, so a slow client cannot slow a post.
 * A comment that is not published is never sent to readers. Instances on one PostgreSQL database hear each
 * other's writes (see {@code PeerEvents}). Readers' events carry ids; a reader that reconnects with
 * {@code Last-Event-ID} gets what it missed, while this instance still holds it. Every 25 seconds each stream gets
 * a comment line as a heartbeat, so
 * proxies keep it open and dead clients are noticed; beyond {@code maxStreams} open streams an instance answers
 * 503 with Retry-After, and the browser's EventSource tries again later. When the instance stops, every stream
 * gets a {@code retry:} hint and ends ({@link #close()}), so browsers reconnect to another instance.
 */
final class EventStream {

    private static final String STORY = "parley.stream.story";
    private static final String SITE = "parley.stream.site";

    private static final long HEARTBEAT_SECONDS = 25;
    private static final int REPLAY_PER_STORY = 100;
    /** How long a browser waits before it reconnects a stream this instance ended for a shutdown. */
    static final int RECONNECT_MILLIS = 3000;

    /** Names this instance's event ids, so an id from another instance (or an earlier run) replays nothing. */
    private final String instance = java.util.UUID.randomUUID().toString().substring(0, 8);
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final com.github.benmanes.caffeine.cache.Cache<String, java.util.Deque<Sent>> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .build();
    /**
     * The stories a reader followed on this instance in the last ten minutes (as long as {@link #recent} keeps
     * events for a replay). An event on any other story is of no use here unless moderators are listening, so it
     * is dropped before the story and comment are read: posting to a story nobody has open costs no reads.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> watched =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .build();

    private final Map<String, Set<SseClient>> readers = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private final int maxStreams;
    private volatile boolean closing;
    private final Map<String, Set<SseClient>> moderators = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService sender =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "parley-events");
                thread.setDaemon(true);
                return thread;
            });
    private final Stories stories;
    private final StoryStore storyStore;
    private final CommentStore comments;
    private final ModeratorAccess access;
    private final Auth auth;
    private final EditWindows editWindows;

    EventStream(Stories stories, StoryStore storyStore, CommentStore comments,
            ModeratorAccess access, Auth auth, int maxStreams, EditWindows editWindows) {
        this.editWindows = editWindows;
        this.maxStreams = maxStreams;
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
        this.stories = stories;
        this.storyStore = storyStore;
        this.comments = comments;
        this.access = access;
        this.auth = auth;
    }

    /** Checks a thread stream's parameters before the stream starts, so bad ones get a JSON error. */
    void checkThread(Context ctx) {
        checkCapacity();
        Story story = stories.findOrCreate(Requests.requiredQuery(ctx, "site"), Requests.requiredQuery(ctx, "url"),
                null);
        ctx.attribute(STORY, story.id());
    }

    /** Checks that the caller moderates the site before the moderators' stream starts. */
    void checkModerator(Context ctx) {
        checkCapacity();
        Account account = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        stories.requireSite(site);
        access.require(account, site);
        ctx.attribute(SITE, site);
    }

    /** More streams are open than this instance takes: answered 503 with Retry-After. */
    static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("This server has as many live streams open as it takes; try again shortly.", null, false, false);
        }
    }

    void thread(SseClient client) {
        String storyId = client.ctx().attribute(STORY);
        String lastEventId = client.ctx().header("Last-Event-ID");
        watched.put(storyId, Boolean.TRUE);
        subscribe(readers, storyId, client);
        if (lastEventId != null) {
            sender.execute(() -> replay(client, storyId, lastEventId));
        }
    }

    /**
     * Sends a reconnecting reader what it missed: the events of its story after the one it names, if this instance
     * still holds them (the last {@link #REPLAY_PER_STORY} per story, for ten minutes). Ids from another instance,
     * or too old, replay nothing; the widget then reloads the thread as it does on first load.
     */
    private void replay(SseClient client, String storyId, String lastEventId) {
        if (!lastEventId.startsWith(instance + ":")) {
            return;
        }
        long after;
        try {
            after = Long.parseLong(lastEventId.substring(instance.length() + 1));
        } catch (NumberFormatException e) {
            return;
        }
        java.util.Deque<Sent> sent = recent.getIfPresent(storyId);
        if (sent == null) {
            return;
        }
        List<Sent> missed;
        synchronized (sent) {
            missed = sent.stream().filter(event -> event.sequence() > after).toList();
        }
        missed.forEach(event -> client.sendEvent(event.name(), event.data(), instance + ":" + event.sequence()));
    }

    void moderation(SseClient client) {
        subscribe(moderators, client.ctx().attribute(SITE), client);
    }

    private void checkCapacity() {
        if (closing || open.get() >= maxStreams) {
            throw new TooManyStreams();
        }
    }

    /** The number of open streams on this instance, for metrics. */
    int openStreams() {
        return open.get();
    }

    private void heartbeat() {
        readers.values().forEach(group -> group.forEach(client -> client.sendComment("heartbeat")));
        moderators.values().forEach(group -> group.forEach(client -> client.sendComment("heartbeat")));
    }

    private void subscribe(Map<String, Set<SseClient>> clients, String key, SseClient client) {
        Set<SseClient> group = clients.computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet());
        group.add(client);
        open.incrementAndGet();
        client.onClose(() -> {
            group.remove(client);
            open.decrementAndGet();
            if (clients == readers) {
                watched.put(key, Boolean.TRUE);
            }
        });
        client.sendComment("connected");
        client.keepAlive();
    }

    /** Hands an event to the sending thread. */
    void publish(CommentEvent event) {
        sender.execute(() -> send(event));
    }

    private void send(CommentEvent event) {
        if (watched.getIfPresent(event.storyId()) == null
                && moderators.values().stream().allMatch(Set::isEmpty)) {
            return;
        }
        Optional<Story> story = storyStore.findById(event.storyId());
        if (story.isEmpty()) {
            return;
        }
        Set<SseClient> siteModerators = moderators.getOrDefault(story.get().site(), Set.of());
        if (event.type() != CommentEvent.Type.RESPECTED) {
            siteModerators.forEach(client -> client.sendEvent("queue.changed",
                    Map.of("commentId", event.commentId(), "storyId", event.storyId(),
                            "change", event.type().eventName())));
        }
        Object data = switch (event.type()) {
            case PUBLISHED, EDITED -> comments.find(event.commentId())
                    .filter(comment -> comment.status() == CommentStatus.PUBLISHED)
                    .map(comment -> (Object) Map.of("comment",
                            ThreadComment.of(comment, editWindows.forSite(story.get().site()))))
                    .orElse(null);
            case REMOVED -> Map.of("comment", Map.of("id", event.commentId()));
            default -> null;
        };
        if (data == null) {
            return;
        }
        Sent sent = new Sent(sequence.incrementAndGet(), event.type().eventName(), data);
        java.util.Deque<Sent> history = recent.get(event.storyId(), ignored -> new java.util.ArrayDeque<>());
        synchronized (history) {
            history.addLast(sent);
            if (history.size() > REPLAY_PER_STORY) {
                history.removeFirst();
            }
        }
        readers.getOrDefault(event.storyId(), Set.of()).forEach(client ->
                client.sendEvent(sent.name(), sent.data(), instance + ":" + sent.sequence()));
    }

    /** An event sent to a story's readers, kept a while for readers who reconnect. */
    private record Sent(long sequence, String name, Object data) {
    }

    /**
     * Ends every stream for a shutdown: new streams are refused, and each open one gets a {@code retry:} field (the
     * browser's EventSource then reconnects after that many milliseconds, through the load balancer to another
     * instance) before it is closed. Runs on the sending thread, so no event is written half-way.
     */
    void close() {
        closing = true;
        java.util.concurrent.Future<?> ended = sender.submit(() -> {
            readers.values().forEach(group -> group.forEach(EventStream::endWithRetryHint));
            moderators.values().forEach(group -> group.forEach(EventStream::endWithRetryHint));
        });
        try {
            ended.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(EventStream.class).warn("Could not end every live stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
    }

    private static void endWithRetryHint(SseClient client) {
        try {
            var out = client.ctx().res().getOutputStream();
            out.write(("retry: " + RECONNECT_MILLIS + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException | RuntimeException e) {
            // the reader has gone already; closing below is all that is left to do
        }
        client.close();
    }
}
