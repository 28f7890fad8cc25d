package org.parley.notice;

import java.time.Instant;

/**
 * A notice of illegal content as stored: what it is about, who sent it (name and e-mail may be null) and how it was
 * decided ({@code status} open, actioned or dismissed; the decision fields null while open). Immutable.
 */
public record Notice(String id, String siteId, String commentId, NoticeCategory category, String explanation,
        String notifierAccountId, String notifierName, String notifierEmail, NoticeStatus status, String decidedBy,
        Instant decidedAt, String decisionReason, Instant createdAt) {
}
