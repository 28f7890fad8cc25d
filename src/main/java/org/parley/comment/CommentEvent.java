package org.parley.comment;

/** Something that changed a story's public thread. */
public record CommentEvent(Type type, String storyId, String commentId) {

    /** The kinds of change; the first three are the contract's stream events. */
    public enum Type {
        PUBLISHED("comment.published"),
        EDITED("comment.edited"),
        REMOVED("comment.removed"),
        RESPECTED("comment.respected");

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }
}
