package org.parley.comment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever listens that a thread changed (the thread cache, the live stream). Listeners run on the writer's
 * thread after the write committed and must be quick; one failing listener does not stop the others.
 * Thread-safe.
 */
public final class CommentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CommentEvents.class);

    private final List<Consumer<CommentEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Handle, String>> publishing = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<CommentEvent> listener) {
        listeners.add(listener);
    }

    /**
     * Has {@code listener} told, inside the writing transaction, of every comment that becomes published (on
     * arrival or by a moderator's approval), so what it writes (a notification mail) commits or rolls back with the
     * comment. Unlike {@link #subscribe} listeners, a failure here fails the write.
     */
    public void onPublishing(BiConsumer<Handle, String> listener) {
        publishing.add(listener);
    }

    /** Called by the writers of comments inside their transaction when a comment becomes published. */
    public void publishing(Handle handle, String commentId) {
        for (BiConsumer<Handle, String> listener : publishing) {
            listener.accept(handle, commentId);
        }
    }

    public void publish(CommentEvent event) {
        for (Consumer<CommentEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A comment-event listener failed on {}", event, e);
            }
        }
    }
}
