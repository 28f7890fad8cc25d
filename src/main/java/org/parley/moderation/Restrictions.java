package org.parley.moderation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * Who hears that a comment was restricted (held or rejected by the pipeline, held by reports, rejected by a
 * moderator, removed on a notice of illegal content): told inside the transaction that stores the decision and its log entry, so that what they queue (the
 * statement-of-reasons mail) is written exactly when the decision is. Thread-safe.
 */
public final class Restrictions {

    /** Hears of one restriction, its log entry already written in {@code handle}'s transaction. */
    @FunctionalInterface
    public interface Listener {
        void restricted(Handle handle, String commentId);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void add(Listener listener) {
        listeners.add(listener);
    }

    public void tell(Handle handle, String commentId) {
        for (Listener listener : listeners) {
            listener.restricted(handle, commentId);
        }
    }
}
