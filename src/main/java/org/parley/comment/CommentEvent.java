package org.parley.comment;

/** Something that changed a story's thread or its moderation queues. */
public record CommentEvent(Type type, String storyId, String commentId) {

    /** That a story's own settings changed; no comment did, so the comment id is empty. */
    public static CommentEvent storyChanged(String storyId) {
        return new CommentEvent(Type.STORY_CHANGED, storyId, "");
    }

    /** The kinds of change; the first three are the contract's stream events, the rest concern moderators. */
    public enum Type {
        PUBLISHED("comment.published"),
        EDITED("comment.edited"),
        REMOVED("comment.removed"),
        RESPECTED("comment.respected"),
        /** Held or rejected on arrival: nothing changes in the public thread, but a moderation queue grew. */
        HELD("comment.held"),
        /** Reported by a reader. */
        REPORTED("comment.reported"),
        /** The story itself changed (opened, closed, premoderated): its thread is to be read anew. */
        STORY_CHANGED("story.changed");

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }
}
