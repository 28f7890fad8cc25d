package org.parley.comment;

/**
 * A change to one comment that integrations hear of inside the write's own transaction (see
 * {@link CommentStore#onChange}), unlike {@link CommentEvent}s, which follow the commit. The names are the
 * webhook event names.
 */
public enum CommentChange {
    /** Stored for the first time, whatever the pipeline decided. */
    CREATED("comment.created"),
    /** Became published: on arrival, by a moderator's approval, or by an edit that passed. */
    PUBLISHED("comment.published"),
    /** Rejected by the pipeline or by a moderator. */
    REJECTED("comment.rejected"),
    /** Its author changed its body. */
    EDITED("comment.edited"),
    /** Deleted by its author or a moderator, or with its author's account. */
    REMOVED("comment.removed");

    private final String eventName;

    CommentChange(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
