package org.parley.comment;

import java.time.Duration;

/**
 * The publisher's settings for comments: the longest body, how long an author may edit, and how deep replies
 * nest before a reply is placed beside the comment it answers.
 */
public record CommentRules(int maxBodyLength, Duration editWindow) {

    /** Depth of the deepest shown reply: 0 is top level, so three levels show. */
    public static final int MAX_DEPTH = 2;

    public static CommentRules defaults() {
        return new CommentRules(5_000, Duration.ofMinutes(15));
    }
}
