package org.parley.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.Markdown;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Restrictions;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.site.ModeratorAccess;
import org.parley.store.Ids;

/**
 * Notice and action (DSA Art. 16): anyone, signed in or not, notifies a comment they hold illegal, naming the legal
 * category, explaining why and stating their good faith; a moderator of the site removes the comment on the ground
 * of illegality or dismisses the notice, with reasons. A decision covers every open notice on the comment, goes to
 * the moderation log once (ground {@code illegal}, the legal category; the author's statement of reasons is built
 * from that entry) and is mailed to each notifier with their route to contest it. Distinct from a reader's report
 * against the guidelines ({@link org.parley.comment.Reports}). Thread-safe.
 */
public final class Notices {

    public static final int MAX_EXPLANATION_LENGTH = 5000;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_REASON_LENGTH = 2000;
    /** The most of the comment's text kept as the facts of a removal. */
    private static final int FACTS_LENGTH = 1000;

    /** What a notifier sends. */
    public record Submission(String commentId, String category, String explanation, String name, String email,
            Boolean goodFaith) {
    }

    /** What a moderator decides on a notice. */
    public enum Action {
        REMOVE, DISMISS;

        static Action ofCode(String code) {
            return "remove".equals(code) ? REMOVE : "dismiss".equals(code) ? DISMISS : null;
        }
    }

    private final Restrictions restrictions = new Restrictions();
    private final NoticeStore store;
    private final CommentStore comments;
    private final ModeratorAccess access;
    private final NoticeMails mails;
    private final Clock clock;

    public Notices(NoticeStore store, CommentStore comments, ModeratorAccess access, NoticeMails mails,
            Clock clock) {
        this.store = store;
        this.comments = comments;
        this.access = access;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Stores a notice about a published comment and queues its receipt to the notifier. A signed-in notifier's
     * name and e-mail default to the account's; {@code notifier} is null for a signed-out one.
     */
    /** Adds a listener told, in the deciding transaction, when a notice removes a comment (the statement mail). */
    public void onRestriction(Restrictions.Listener listener) {
        restrictions.add(listener);
    }

    public Notice submit(Account notifier, Submission submission) {
        if (!Boolean.TRUE.equals(submission.goodFaith())) {
            throw Problem.unprocessable("good_faith_required", "Confirm that you believe in good faith that the"
                    + " information in your notice is accurate and complete.", "goodFaith");
        }
        if (submission.commentId() == null || submission.commentId().isBlank()) {
            throw Problem.invalid("commentId", "Name the comment you notify.");
        }
        NoticeCategory category = NoticeCategory.ofCode(submission.category());
        String explanation = text(submission.explanation(), "explanation", MAX_EXPLANATION_LENGTH,
                "Explain why you hold the comment illegal, in at most " + MAX_EXPLANATION_LENGTH + " characters.");
        boolean account = notifier != null && notifier.role() != Role.GUEST;
        String name = orDefault(submission.name(), account ? notifier.displayName() : null);
        String email = orDefault(submission.email(), account ? notifier.email() : null);
        if (name == null && !category.identityOptional()) {
            throw Problem.invalid("name", "Give your name: a notice of this category needs it.");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw Problem.invalid("name", "Keep your name to " + MAX_NAME_LENGTH + " characters.");
        }
        if (email == null && !category.identityOptional()) {
            throw Problem.invalid("email", "Give your e-mail address: a notice of this category needs it.");
        }
        String checkedEmail = email == null ? null : Accounts.checkEmail(email);
        Instant now = clock.instant();
        return store.jdbi().inTransaction(handle -> {
            Comment comment = CommentStore.find(handle, submission.commentId())
                    .filter(found -> found.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            String site = handle.createQuery("SELECT site_id FROM stories WHERE id = :id")
                    .bind("id", comment.storyId())
                    .mapTo(String.class)
                    .one();
            Notice notice = new Notice(Ids.newId(), site, comment.id(), category, explanation,
                    account ? notifier.id() : null, name, checkedEmail, NoticeStatus.OPEN, null, null, null, now);
            store.insert(handle, notice);
            mails.queueReceipt(handle, notice, comment);
            return notice;
        });
    }

    /** A page of a site's notices with one status, for a moderator of the site (else 403). */
    public NoticeStore.Page list(Account moderator, String site, NoticeStatus status, String cursor) {
        access.require(moderator, site);
        return store.list(site, status, cursor);
    }

    /**
     * Decides a notice and every other open notice on its comment: {@code remove} takes the comment out of the
     * thread (it is rejected) on the ground of illegality, {@code dismiss} leaves it. Answers the notices decided.
     */
    public List<Notice> decide(Account moderator, String noticeId, String actionCode, String reason) {
        Action action = Action.ofCode(actionCode);
        if (action == null) {
            throw Problem.invalid("action", "Choose the action remove or dismiss.");
        }
        String why = text(reason, "reason", MAX_REASON_LENGTH, "Give the reasons for your decision (at most "
                + MAX_REASON_LENGTH + " characters): they are mailed to the notifier.");
        Instant now = clock.instant();
        return store.jdbi().inTransaction(handle -> {
            Notice notice = NoticeStore.find(handle, noticeId)
                    .orElseThrow(() -> Problem.notFound("notice", "There is no such notice."));
            access.require(moderator, notice.siteId());
            if (notice.status() != NoticeStatus.OPEN) {
                throw new Problem(ProblemKind.CONFLICT, "already_decided", "This notice has been decided already.");
            }
            Comment comment = CommentStore.find(handle, notice.commentId()).orElseThrow();
            List<Notice> open = NoticeStore.openOn(handle, comment.id());
            NoticeStatus outcome = action == Action.REMOVE ? NoticeStatus.ACTIONED : NoticeStatus.DISMISSED;
            for (Notice each : open) {
                store.decide(handle, each.id(), outcome, moderator.id(), now, why);
            }
            if (action == Action.REMOVE && (comment.status() == CommentStatus.PUBLISHED
                    || comment.status() == CommentStatus.PENDING)) {
                comments.reject(handle, comment, new CommentStore.Decided(moderator.id(), now));
            }
            ModerationStore.log(handle, new ModerationStore.LogEntry(notice.siteId(), comment.id(),
                    comment.authorId(), moderator.id(), action == Action.REMOVE ? "reject" : "dismiss_notice", why,
                    null, null, now), new ModerationStore.Basis("illegal", notice.category().code(),
                    action == Action.REMOVE ? facts(notice.category(), comment) : null));
            if (action == Action.REMOVE) {
                restrictions.tell(handle, comment.id());
            }
            List<Notice> decided = open.stream().map(each -> NoticeStore.find(handle, each.id()).orElseThrow())
                    .toList();
            for (Notice each : decided) {
                mails.queueOutcome(handle, each, comment);
            }
            return decided;
        });
    }

    /** The passage a removal rests on: the comment's text, as JSON {@code [{category, text}]}. */
    private static String facts(NoticeCategory category, Comment comment) {
        String text = Markdown.render(comment.body()).plainText().strip();
        return ModerationStore.json(List.of(Map.of("category", category.code(),
                "text", text.length() <= FACTS_LENGTH ? text : text.substring(0, FACTS_LENGTH - 1) + "…")));
    }

    private static String text(String value, String field, int max, String message) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw Problem.invalid(field, message);
        }
        return stripped;
    }

    private static String orDefault(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }
}
