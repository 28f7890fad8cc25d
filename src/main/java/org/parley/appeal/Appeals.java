package org.parley.appeal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.parley.account.Account;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.mail.LinkTokens;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Restriction;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;
import org.parley.store.Ids;

/**
 * Internal complaints (DSA Art. 20): the author of a restricted comment, or a notifier through the signed link the
 * notice's outcome mail carries, contests a decision within six months; a moderator of the site, never automated
 * means and not the original decider while the site has another moderator, upholds or dismisses it with reasons.
 * Upholding an author's appeal publishes the comment again ({@code appeal_upheld}, an overturn); upholding a
 * notifier's appeal against a dismissed notice removes the comment on the ground {@code illegal}. Thread-safe.
 */
public final class Appeals {

    /** How long a decision may be contested: six months, as days (the notice's appeal link lasts as long). */
    public static final Duration WINDOW = Duration.ofDays(183);
    /** The purpose of the signed link a notifier appeals with: its one field is the notice's id. */
    public static final String NOTICE_APPEAL = "notice-appeal";
    private static final int MAX_REASON = 4000;

    /** Hears of a decided appeal inside the deciding transaction (the outcome mail). */
    @FunctionalInterface
    public interface Outcomes {
        void decided(Handle handle, Appeal appeal);
    }

    private record Notice(String id, String siteId, String commentId, String category, String status,
            String decidedBy, Instant decidedAt) {
    }

    private final AppealStore store;
    private final CommentStore comments;
    private final ModerationStore moderation;
    private final ModeratorAccess access;
    private final LinkTokens tokens;
    private final Clock clock;
    private final List<Outcomes> outcomes = new CopyOnWriteArrayList<>();

    public Appeals(AppealStore store, CommentStore comments, ModerationStore moderation, ModeratorAccess access,
            LinkTokens tokens, Clock clock) {
        this.store = store;
        this.comments = comments;
        this.moderation = moderation;
        this.access = access;
        this.tokens = tokens;
        this.clock = clock;
    }

    public void onDecision(Outcomes listener) {
        outcomes.add(listener);
    }

    /** The author appeals the decision that restricts their comment. */
    public Appeal appeal(Account author, String commentId, String reason) {
        String why = requireReason(reason);
        Comment comment = comments.find(commentId)
                .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
        if (!comment.authorId().equals(author.id())) {
            throw Problem.forbidden("not_author", "Only the author of a comment can appeal the decision on it.");
        }
        Restriction restriction = moderation.restriction(commentId).orElseThrow(() -> Problem.conflict(
                "no_restriction", "This comment is not restricted: there is no decision to appeal."));
        Instant now = now();
        requireWithinWindow(restriction.at(), now);
        Appeal appeal = new Appeal(Ids.newId(), restriction.siteId(), commentId, author.id(), null, why,
                restriction.logId(), restriction.action(), restriction.actorId(), Appeal.OPEN, null, null, null, now);
        store.jdbi().useTransaction(handle -> {
            if (AppealStore.openByAppellant(handle, commentId, author.id())) {
                throw Problem.conflict("appeal_open", "You already appealed this decision; it is being reviewed.");
            }
            AppealStore.insert(handle, appeal);
        });
        return appeal;
    }

    /** A notifier appeals the decision on their notice, with the signed link from the outcome mail. */
    public Appeal appealNotice(Account signedIn, String token, String reason) {
        String noticeId = tokens.check(token, NOTICE_APPEAL, clock.instant()).filter(fields -> fields.size() == 1)
                .map(fields -> fields.get(0))
                .orElseThrow(() -> Problem.forbidden("token_invalid",
                        "This appeal link is not valid or has expired."));
        String why = requireReason(reason);
        Notice notice = notice(noticeId).filter(found -> found.decidedAt() != null)
                .orElseThrow(() -> Problem.notFound("notice", "There is no decided notice for this link."));
        Instant now = now();
        requireWithinWindow(notice.decidedAt(), now);
        Appeal appeal = new Appeal(Ids.newId(), notice.siteId(), notice.commentId(),
                signedIn == null ? null : signedIn.id(), notice.id(), why, null, "notice_" + notice.status(),
                notice.decidedBy(), Appeal.OPEN, null, null, null, now);
        store.jdbi().useTransaction(handle -> {
            if (AppealStore.openOnNotice(handle, notice.id())) {
                throw Problem.conflict("appeal_open", "The decision on this notice is already being reviewed.");
            }
            AppealStore.insert(handle, appeal);
        });
        return appeal;
    }

    /** A site's open appeals, oldest first, for its moderators. */
    public List<AppealStore.Queued> queue(Account moderator, String siteId) {
        access.require(moderator, siteId);
        return store.open(siteId);
    }

    /** A moderator upholds or dismisses an open appeal, with the reasons the appellant is sent. */
    public Appeal decide(Account moderator, String appealId, String outcome, String reason) {
        Appeal appeal = store.find(appealId)
                .orElseThrow(() -> Problem.notFound("appeal", "There is no such appeal."));
        access.require(moderator, appeal.siteId());
        if (!Appeal.UPHELD.equals(outcome) && !Appeal.DISMISSED.equals(outcome)) {
            throw Problem.invalid("outcome", "Choose the outcome upheld or dismissed.");
        }
        if (reason == null || reason.isBlank()) {
            throw Problem.unprocessable("reason_missing", "Give the reasons: they are sent to the appellant.",
                    "reason");
        }
        if (!appeal.isOpen()) {
            throw Problem.conflict("appeal_decided", "This appeal has already been decided.");
        }
        if (moderator.id().equals(appeal.contestedBy()) && anotherModerator(appeal.siteId(), moderator.id())) {
            throw Problem.forbidden("other_moderator_decides",
                    "You made the decision contested; another moderator of the site decides the appeal.");
        }
        Instant now = now();
        String why = reason.strip();
        store.jdbi().useTransaction(handle -> {
            if (!AppealStore.decide(handle, appeal.id(), outcome, moderator.id(), now, why)) {
                throw Problem.conflict("appeal_decided", "This appeal has already been decided.");
            }
            Comment comment = CommentStore.find(handle, appeal.commentId()).orElseThrow();
            CommentStore.Decided decided = new CommentStore.Decided(moderator.id(), now);
            ModerationStore.Basis basis = new ModerationStore.Basis(null, null, null);
            if (Appeal.UPHELD.equals(outcome) && appeal.noticeId() == null) {
                if (comment.status() != CommentStatus.PUBLISHED) {
                    comments.approve(handle, comment, decided);
                }
            } else if (Appeal.UPHELD.equals(outcome) && "notice_dismissed".equals(appeal.contestedAction())) {
                String category = notice(handle, appeal.noticeId()).map(Notice::category).orElse(null);
                if (comment.status() != CommentStatus.REMOVED) {
                    comments.remove(handle, comment);
                }
                basis = new ModerationStore.Basis("illegal", category, null);
            }
            ModerationStore.log(handle, new ModerationStore.LogEntry(appeal.siteId(), appeal.commentId(),
                    comment.authorId(), moderator.id(), "appeal_" + outcome, why, null, null, now), basis);
            Appeal result = store.findIn(handle, appeal.id());
            for (Outcomes listener : outcomes) {
                listener.decided(handle, result);
            }
        });
        return store.find(appeal.id()).orElseThrow();
    }

    /** Whether someone other than {@code accountId} may moderate the site: an assigned moderator or an admin. */
    private boolean anotherModerator(String siteId, String accountId) {
        return store.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM accounts a WHERE a.id <> :me AND (a.role = 'admin'
                        OR EXISTS (SELECT 1 FROM moderator_sites m WHERE m.account_id = a.id AND m.site_id = :site))""")
                .bind("me", accountId)
                .bind("site", siteId)
                .mapTo(Long.class)
                .one() > 0);
    }

    private Optional<Notice> notice(String noticeId) {
        return store.jdbi().withHandle(handle -> notice(handle, noticeId));
    }

    private static Optional<Notice> notice(Handle handle, String noticeId) {
        return handle.createQuery("""
                        SELECT id, site_id, comment_id, category, status, decided_by, decided_at
                        FROM notices WHERE id = :id""")
                .bind("id", noticeId)
                .map((rs, ctx) -> {
                    long decidedAt = rs.getLong("decided_at");
                    return new Notice(rs.getString("id"), rs.getString("site_id"), rs.getString("comment_id"),
                            rs.getString("category"), rs.getString("status"), rs.getString("decided_by"),
                            rs.wasNull() ? null : Instant.ofEpochMilli(decidedAt));
                })
                .findOne();
    }

    private static void requireWithinWindow(Instant decidedAt, Instant now) {
        if (now.isAfter(decidedAt.plus(WINDOW))) {
            throw Problem.conflict("appeal_window_closed",
                    "Decisions can be appealed for six months; that time has passed.");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.unprocessable("reason_missing", "Say why the decision should be reviewed.", "reason");
        }
        if (reason.length() > MAX_REASON) {
            throw Problem.invalid("reason", "Keep it to " + MAX_REASON + " characters.");
        }
        return reason.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
