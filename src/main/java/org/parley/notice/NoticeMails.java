package org.parley.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.parley.comment.Comment;
import org.parley.comment.Markdown;
import org.parley.mail.LinkTokens;
import org.parley.mail.MailQueue;
import org.parley.mail.MailTexts;

/**
 * The mails to a notifier, queued in the transaction of what causes them, in the language of the comment's site:
 * the receipt of a notice (Art. 16(4)) and the decision with its reasons (Art. 16(5)), which carries the link to
 * contest it (Art. 20: six months, so the link's token lasts 183 days). Nothing is queued for a notifier without
 * an e-mail address, nor when the server sends no mail. Thread-safe.
 */
public final class NoticeMails {

    /** The purpose of the signed token in the outcome mail's link; the appeals page checks it. */
    public static final String APPEAL_PURPOSE = "notice-appeal";
    public static final Duration APPEAL_WINDOW = Duration.ofDays(183);
    private static final int EXCERPT = 300;

    private final MailTexts texts;
    private final LinkTokens tokens;
    private final boolean mailConfigured;

    public NoticeMails(MailTexts texts, LinkTokens tokens, boolean mailConfigured) {
        this.texts = texts;
        this.tokens = tokens;
        this.mailConfigured = mailConfigured;
    }

    void queueReceipt(Handle handle, Notice notice, Comment comment) {
        if (!mailConfigured || notice.notifierEmail() == null) {
            return;
        }
        Locale locale = language(handle, notice.siteId());
        MailQueue.enqueue(handle, texts.compose(locale, "notice-receipt", notice.notifierEmail(), greeted(notice),
                "notice.receipt.subject", new Object[] {notice.id()}, "notice.receipt.body",
                new Object[] {notice.id(), category(locale, notice), excerpt(comment)}, null), notice.createdAt());
    }

    void queueOutcome(Handle handle, Notice notice, Comment comment) {
        if (!mailConfigured || notice.notifierEmail() == null) {
            return;
        }
        Locale locale = language(handle, notice.siteId());
        Instant decidedAt = notice.decidedAt();
        String appeal = texts.link("/account/appeal?token="
                + tokens.sign(APPEAL_PURPOSE, decidedAt.plus(APPEAL_WINDOW), notice.id()));
        MailQueue.enqueue(handle, texts.compose(locale, "notice-outcome", notice.notifierEmail(), greeted(notice),
                "notice.outcome.subject", new Object[] {notice.id()}, "notice.outcome.body",
                new Object[] {notice.id(), category(locale, notice), excerpt(comment),
                        texts.format(locale, "notice.outcome." + notice.status().code()), notice.decisionReason(),
                        appeal}, null), decidedAt);
    }

    private String category(Locale locale, Notice notice) {
        return texts.format(locale, "notice.category." + notice.category().code());
    }

    private static String greeted(Notice notice) {
        return notice.notifierName() != null ? notice.notifierName() : notice.notifierEmail();
    }

    private static String excerpt(Comment comment) {
        String text = Markdown.render(comment.body()).plainText().strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }

    private static Locale language(Handle handle, String siteId) {
        return handle.createQuery("SELECT language FROM sites WHERE id = :id")
                .bind("id", siteId)
                .mapTo(String.class)
                .findOne()
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .orElse(Locale.ENGLISH);
    }
}
