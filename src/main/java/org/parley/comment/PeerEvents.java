package org.parley.comment;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries comment events between instances: every change this instance announces goes out to the peers, and every
 * event a peer sends is heard here as if it had happened here (so this instance's thread cache and live streams
 * hear it), without going out again. Events are written as {@code instance|type|story|comment}; an instance
 * ignores what it sent itself.
 */
public final class PeerEvents {

    private final String instance = UUID.randomUUID().toString();
    private final CommentEvents events;

    public PeerEvents(CommentEvents events) {
        this.events = events;
    }

    /** Sends this instance's events through {@code sender} from now on. */
    public void sendThrough(Consumer<String> sender) {
        events.forwardTo(event -> sender.accept(
                instance + "|" + event.type().name() + "|" + event.storyId() + "|" + event.commentId()));
    }

    /** Handles a peer's message: tells this instance's listeners of its event, unless this instance sent it. */
    public void receive(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length != 4 || parts[0].equals(instance)) {
            return;
        }
        events.receive(new CommentEvent(CommentEvent.Type.valueOf(parts[1]), parts[2], parts[3]));
    }
}
