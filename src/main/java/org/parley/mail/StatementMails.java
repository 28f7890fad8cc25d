package org.parley.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.parley.appeal.Appeal;
import org.parley.appeal.Appeals;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Restriction;
import org.parley.moderation.Restrictions;
import org.parley.statement.Statement;
import org.parley.statement.Statements;

/**
 * Mails of the Digital Services Act: the statement of reasons to the author of a comment just restricted (one mail
 * per decision, queued in the deciding transaction), and an appeal's outcome with the moderator's reasons to the
 * appellant (the author's account, or the notifier's address). A hold by the site's policy alone (premoderation, a
 * new or guest author) is a routine wait, not a judgement, and gets no mail; its statement is there to read. Only verified addresses get them; the mail speaks
 * the language of the comment's site. Thread-safe.
 */
public final class StatementMails implements Restrictions.Listener, Appeals.Outcomes {

    /** Bans last until the year 3000 (moderation/Bans); anything sooner is a suspension. */
    private static final Instant BANNED_FOREVER = Instant.parse("2999-01-01T00:00:00Z");

    private record Recipient(String email, String name, String storyTitle, String storyUrl, String language) {
    }

    private final MailTexts texts;
    private final Clock clock;

    public StatementMails(MailTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public void restricted(Handle handle, String commentId) {
        // The author first: most posts held or refused come from readers without a verified address.
        Optional<Recipient> author = author(handle, commentId).filter(recipient -> recipient.email() != null);
        if (author.isEmpty()) {
            return;
        }
        Optional<Restriction> restriction = ModerationStore.restriction(handle, commentId)
                .filter(found -> !found.heldByPolicy());
        if (restriction.isEmpty()) {
            return;
        }
        Recipient to = author.get();
        Statement said = Statements.of(handle, restriction.get(), clock.instant());
        Locale locale = MailLanguages.of(to.language());
        String decision = texts.format(locale, "statement.decision." + said.decision());
        String ground = "illegal".equals(said.ground())
                ? texts.format(locale, "statement.ground.illegal", said.category())
                : texts.format(locale, "statement.ground.guidelines", said.guideline() == null ? "" : said.guideline());
        String facts = said.facts().isEmpty() ? "" : texts.format(locale, "statement.facts", said.facts().stream()
                .map(fact -> "- " + fact.get("category") + ": \"" + fact.get("text") + "\"")
                .collect(Collectors.joining("\n")));
        String automation = texts.format(locale, said.automatedDecision() ? "statement.automated.decision"
                : said.automatedDetection() ? "statement.automated.detection" : "statement.human");
        OutgoingMail mail = texts.compose(locale, "statement", to.email(), to.name(), "statement.subject",
                new Object[] {to.storyTitle(), decision}, "statement.body",
                new Object[] {to.storyTitle(), decision, ground, facts, automation,
                        said.redress().appeal().openUntil().toString().substring(0, 10), to.storyUrl()},
                null);
        MailQueue.enqueue(handle, mail, clock.instant());
    }

    /** Mails the statement of a ban or suspension just logged to the account, if its address is verified. */
    public void accountRestricted(Handle handle, String accountId) {
        Optional<Map<String, Object>> found = handle.createQuery("""
                        SELECT a.email, a.display_name, a.banned_until, a.ban_reason, a.email_verified_at
                        FROM accounts a WHERE a.id = :id AND a.email_verified_at IS NOT NULL""")
                .bind("id", accountId)
                .mapToMap()
                .findOne();
        if (found.isEmpty() || found.get().get("email") == null) {
            return;
        }
        Map<String, Object> account = found.get();
        Locale locale = MailLanguages.ofAccount(handle, accountId);
        Instant until = Instant.ofEpochMilli(((Number) account.get("banned_until")).longValue());
        boolean ban = !until.isBefore(BANNED_FOREVER);
        String kind = ban ? "ban" : "suspend";
        OutgoingMail mail = texts.compose(locale, "statement", (String) account.get("email"),
                (String) account.get("display_name"), "accountStatement." + kind + ".subject", new Object[0],
                "accountStatement." + kind + ".body",
                new Object[] {account.get("ban_reason"), (ban ? clock.instant() : until).toString().substring(0, 10)},
                null);
        MailQueue.enqueue(handle, mail, clock.instant());
    }

    @Override
    public void decided(Handle handle, Appeal appeal) {
        Optional<Recipient> appellant = appeal.noticeId() != null ? notifier(handle, appeal) : author(handle,
                appeal.commentId()).filter(recipient -> appeal.appellantId() != null);
        if (appellant.isEmpty() || appellant.get().email() == null) {
            return;
        }
        Recipient to = appellant.get();
        Locale locale = MailLanguages.of(to.language());
        OutgoingMail mail = texts.compose(locale, "appeal", to.email(), to.name(), "appeal.subject",
                new Object[] {texts.format(locale, "appeal.outcome." + appeal.status())},
                "appeal." + appeal.status() + ".body", new Object[] {to.storyTitle(), appeal.outcomeReason()}, null);
        MailQueue.enqueue(handle, mail, clock.instant());
    }

    /** The comment's author, with their address only when verified (guests and unverified readers get no mail). */
    private static Optional<Recipient> author(Handle handle, String commentId) {
        return handle.createQuery("""
                        SELECT a.email, a.display_name, a.role, a.email_verified_at, s.title, s.url, si.language
                        FROM comments c JOIN accounts a ON a.id = c.author_id JOIN stories s ON s.id = c.story_id
                        JOIN sites si ON si.id = s.site_id WHERE c.id = :id""")
                .bind("id", commentId)
                .map((rs, ctx) -> new Recipient(
                        rs.getObject("email_verified_at") == null || "guest".equals(rs.getString("role"))
                                ? null : rs.getString("email"),
                        rs.getString("display_name"), rs.getString("title"), rs.getString("url"),
                        rs.getString("language")))
                .findOne();
    }

    /** The notifier of the appeal's notice: the address they gave, else their account's. */
    private static Optional<Recipient> notifier(Handle handle, Appeal appeal) {
        return handle.createQuery("""
                        SELECT COALESCE(n.notifier_email, a.email) AS email,
                               COALESCE(n.notifier_name, a.display_name) AS name, s.title, s.url, si.language
                        FROM notices n JOIN comments c ON c.id = n.comment_id JOIN stories s ON s.id = c.story_id
                        JOIN sites si ON si.id = s.site_id LEFT JOIN accounts a ON a.id = n.notifier_account_id
                        WHERE n.id = :id""")
                .bind("id", appeal.noticeId())
                .map((rs, ctx) -> new Recipient(rs.getString("email"),
                        rs.getString("name") == null ? "" : rs.getString("name"), rs.getString("title"),
                        rs.getString("url"), rs.getString("language")))
                .findOne();
    }
}
