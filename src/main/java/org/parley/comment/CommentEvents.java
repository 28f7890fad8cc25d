package org.parley.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one announcer of changes to threads: a writer records each change on its transaction ({@link #record}), and
 * once that transaction commits, the changes are published here, in the order they were made, to this instance's
 * listeners (the thread cache, the live streams, metrics) and to the other instances. A rolled-back transaction
 * announces nothing. {@link CommentStore} records every change it makes to a comment; nothing publishes by hand.
 *
 * <p>Listeners run on the writer's thread right after the commit and must be quick; one failing listener does not
 * stop the others. Changes that must commit or roll back with the write (webhooks, reply mails) are heard inside
 * the transaction instead, through {@link CommentStore#onChange}.
 *
 * <p>A piece of a group commit ({@link org.parley.store.GroupCommit}) that fails after recording is rolled back to
 * its savepoint while the group commits: its recorded events are still announced. Listeners then refresh a thread
 * that did not change, or look for a comment that is not there, which they already allow for (another instance
 * may have removed it meanwhile). Thread-safe.
 */
public final class CommentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CommentEvents.class);

    private final List<Consumer<CommentEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<CommentEvent>> peers = new CopyOnWriteArrayList<>();
    private final Map<Handle, List<CommentEvent>> pending = new ConcurrentHashMap<>();

    /** Has {@code listener} hear every change on this instance, its own and the other instances'. */
    public void subscribe(Consumer<CommentEvent> listener) {
        listeners.add(listener);
    }

    /** Has {@code sender} carry this instance's own changes to the other instances (see {@link PeerEvents}). */
    public void forwardTo(Consumer<CommentEvent> sender) {
        peers.add(sender);
    }

    /**
     * Records a change on the transaction {@code handle} is in; it is published once that transaction commits.
     * Throws when the handle is in no transaction: a change announced before it is durable could be read back as
     * missing.
     */
    public void record(Handle handle, CommentEvent event) {
        if (!handle.isInTransaction()) {
            throw new IllegalStateException("Record a comment event inside the transaction that makes the change");
        }
        pending.computeIfAbsent(handle, this::announceAfterCommit).add(event);
    }

    private List<CommentEvent> announceAfterCommit(Handle handle) {
        handle.afterCommit(() -> {
            List<CommentEvent> committed = pending.remove(handle);
            if (committed != null) {
                committed.forEach(this::publish);
            }
        });
        handle.afterRollback(() -> pending.remove(handle));
        return new ArrayList<>();
    }

    /** Publishes a change another instance made, to this instance's listeners only. */
    public void receive(CommentEvent event) {
        tell(listeners, event);
    }

    private void publish(CommentEvent event) {
        tell(listeners, event);
        tell(peers, event);
    }

    private static void tell(List<Consumer<CommentEvent>> targets, CommentEvent event) {
        for (Consumer<CommentEvent> listener : targets) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A comment-event listener failed on {}", event, e);
            }
        }
    }
}
