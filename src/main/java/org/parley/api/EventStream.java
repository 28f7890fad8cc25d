package org.parley.api;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parley.account.Account;
import org.parley.comment.Comment;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentRules;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.ThreadComment;
import org.parley.moderation.ModeratorAccess;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.story.StoryStore;

/**
 * Server-sent events: readers of a thread hear {@code comment.published}, {@code comment.edited} and
 * {@code comment.removed} with the comment; moderators of a site hear {@code queue.changed} whenever a comment
 * of the site is held, published, removed or reported, and fetch the queue again.
 *
 * <p>Events are sent from one background thread, never from the writer's, so a slow client cannot slow a post.
 * A comment that is not published is never sent to readers. Each instance streams its own writes; several
 * instances need a shared event bus (the production issue).
 */
final class EventStream {

    private static final String STORY = "parley.stream.story";
    private static final String SITE = "parley.stream.site";

    private final Map<String, Set<SseClient>> readers = new ConcurrentHashMap<>();
    private final Map<String, Set<SseClient>> moderators = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Stories stories;
    private final StoryStore storyStore;
    private final CommentStore comments;
    private final CommentRules rules;
    private final ModeratorAccess access;
    private final Auth auth;

    EventStream(Stories stories, StoryStore storyStore, CommentStore comments, CommentRules rules,
            ModeratorAccess access, Auth auth) {
        this.stories = stories;
        this.storyStore = storyStore;
        this.comments = comments;
        this.rules = rules;
        this.access = access;
        this.auth = auth;
    }

    /** Checks a thread stream's parameters before the stream starts, so bad ones get a JSON error. */
    void checkThread(Context ctx) {
        Story story = stories.findOrCreate(Requests.requiredQuery(ctx, "site"), Requests.requiredQuery(ctx, "url"),
                null);
        ctx.attribute(STORY, story.id());
    }

    /** Checks that the caller moderates the site before the moderators' stream starts. */
    void checkModerator(Context ctx) {
        Account account = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        stories.requireSite(site);
        access.require(account, site);
        ctx.attribute(SITE, site);
    }

    void thread(SseClient client) {
        subscribe(readers, client.ctx().attribute(STORY), client);
    }

    void moderation(SseClient client) {
        subscribe(moderators, client.ctx().attribute(SITE), client);
    }

    private static void subscribe(Map<String, Set<SseClient>> clients, String key, SseClient client) {
        Set<SseClient> group = clients.computeIfAbsent(key, ignored -> ConcurrentHashMap.newKeySet());
        group.add(client);
        client.onClose(() -> group.remove(client));
        client.sendComment("connected");
        client.keepAlive();
    }

    /** Hands an event to the sending thread. */
    void publish(CommentEvent event) {
        sender.execute(() -> send(event));
    }

    private void send(CommentEvent event) {
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
        Set<SseClient> threadReaders = readers.getOrDefault(event.storyId(), Set.of());
        if (threadReaders.isEmpty()) {
            return;
        }
        switch (event.type()) {
            case PUBLISHED, EDITED -> comments.find(event.commentId())
                    .filter(comment -> comment.status() == CommentStatus.PUBLISHED)
                    .ifPresent(comment -> threadReaders.forEach(client -> client.sendEvent(
                            event.type().eventName(), Map.of("comment", view(comment)))));
            case REMOVED -> threadReaders.forEach(client -> client.sendEvent(event.type().eventName(),
                    Map.of("comment", Map.of("id", event.commentId()))));
            default -> { }
        }
    }

    private ThreadComment view(Comment comment) {
        return ThreadComment.of(comment, rules.editWindow());
    }

    void close() {
        sender.shutdownNow();
        readers.values().forEach(group -> group.forEach(SseClient::close));
        moderators.values().forEach(group -> group.forEach(SseClient::close));
    }
}
