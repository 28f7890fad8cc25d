package org.parley.appeal;

import java.time.Instant;

/**
 * An internal complaint against a decision (DSA Art. 20), as {@code appeals} keeps it. Immutable.
 *
 * @param appellantId the author or a signed-in notifier; null for a notifier who is not signed in
 * @param noticeId set when a notifier contests the decision on their notice
 * @param contestedLogId the moderation_log entry contested, or null for a notice's decision
 * @param contestedAction that entry's action (rejected, held, reject …) or {@code notice_dismissed}/{@code
 *     notice_actioned}
 * @param contestedBy who decided it; null when the pipeline did
 * @param status open, upheld or dismissed
 */
public record Appeal(String id, String siteId, String commentId, String appellantId, String noticeId, String reason,
        String contestedLogId, String contestedAction, String contestedBy, String status, String decidedBy,
        Instant decidedAt, String outcomeReason, Instant createdAt) {

    public static final String OPEN = "open";
    public static final String UPHELD = "upheld";
    public static final String DISMISSED = "dismissed";

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
