package org.parley.comment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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

    public void subscribe(Consumer<CommentEvent> listener) {
        listeners.add(listener);
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
