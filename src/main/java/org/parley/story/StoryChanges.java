package org.parley.story;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.parley.problem.Problem;

/**
 * A moderator's changes to a story: opening or closing its comments, and switching its premoderation. Opening
 * keeps its time, from which a site's closing rule counts again ({@link StoryClosing}). Both are
 * written in one transaction, inside which the listeners hear that the story changed (the server records it there
 * for the thread cache and the live streams, which hear it once the change commits). Whether the moderator may
 * change the story is checked before, by the caller. Thread-safe.
 */
public final class StoryChanges {

    /** Hears, inside the transaction that makes it, that a story's status or premoderation changed. */
    @FunctionalInterface
    public interface Listener {
        void changed(Handle handle, String storyId);
    }

    /** What to change; a null field stays as it is. {@code status} is a {@link StoryStatus} code. */
    public record Change(String status, Boolean premoderated) {
    }

    private final StoryStore stories;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public StoryChanges(StoryStore stories, Clock clock) {
        this.stories = stories;
        this.clock = clock;
    }

    public void onChange(Listener listener) {
        listeners.add(listener);
    }

    /** Applies the change and answers the story as it is now; 400 naming {@code status} for an unknown status. */
    public Story change(String storyId, Change change) {
        StoryStatus status = change.status() == null ? null : status(change.status());
        stories.jdbi().useTransaction(handle -> {
            if (status == StoryStatus.OPEN) {
                StoryStore.reopen(handle, storyId, clock.instant());
            } else if (status != null) {
                StoryStore.updateStatus(handle, storyId, status);
            }
            if (change.premoderated() != null) {
                StoryStore.updatePremoderated(handle, storyId, change.premoderated());
            }
            for (Listener listener : listeners) {
                listener.changed(handle, storyId);
            }
        });
        return stories.findById(storyId).orElseThrow(() -> Problem.notFound("story", "There is no such story."));
    }

    private static StoryStatus status(String code) {
        try {
            return StoryStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("status", "A story's status is 'open' or 'closed'.");
        }
    }
}
