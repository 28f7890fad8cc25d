package org.parley.mail;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.account.MailPreferences;
import org.parley.comment.CommentChange;
import org.parley.comment.CommentStore;

/**
 * Mails a reader when someone else's reply to their comment is published, on arrival or when a moderator approves
 * it later. It listens inside the publishing transaction ({@link org.parley.comment.CommentStore#onChange}),
 * so the mail is queued exactly when the reply is published. Only readers who switched reply mails on and
 * verified their address get them; guests never do. The mail speaks the language of the story's site. Thread-safe.
 */
public final class ReplyNotices implements CommentStore.ChangeListener {

    private static final int EXCERPT = 500;

    private record Reply(String authorId, String authorName, String body, String answeredId, String storyTitle,
            String storyUrl, String language) {
    }

    private record Reader(String id, String email, String name, String role, boolean wantsReplies,
            boolean verified) {
    }

    private final MailTexts texts;
    private final LinkTokens tokens;
    private final Clock clock;

    public ReplyNotices(MailTexts texts, LinkTokens tokens, Clock clock) {
        this.texts = texts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void changed(Handle handle, String commentId, List<CommentChange> changes) {
        if (changes.contains(CommentChange.PUBLISHED)) {
            published(handle, commentId);
        }
    }

    /** Queues the notice for a comment just published, if it is a reply someone asked to hear of. */
    private void published(Handle handle, String commentId) {
        Optional<Reply> reply = handle.createQuery("""
                        SELECT c.author_id, a.display_name, c.body, COALESCE(c.reply_to_id, c.parent_id) AS answered,
                               s.title, s.url, si.language
                        FROM comments c JOIN accounts a ON a.id = c.author_id JOIN stories s ON s.id = c.story_id
                        JOIN sites si ON si.id = s.site_id
                        WHERE c.id = :id""")
                .bind("id", commentId)
                .map((rs, ctx) -> new Reply(rs.getString("author_id"), rs.getString("display_name"),
                        rs.getString("body"), rs.getString("answered"), rs.getString("title"), rs.getString("url"),
                        rs.getString("language")))
                .findOne();
        if (reply.isEmpty() || reply.get().answeredId() == null) {
            return;
        }
        Optional<Reader> reader = handle.createQuery("""
                        SELECT a.id, a.email, a.display_name, a.role, a.notify_replies, a.email_verified_at
                        FROM comments p JOIN accounts a ON a.id = p.author_id WHERE p.id = :answered""")
                .bind("answered", reply.get().answeredId())
                .map((rs, ctx) -> new Reader(rs.getString("id"), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("role"), rs.getInt("notify_replies") == 1,
                        rs.getObject("email_verified_at") != null))
                .findOne();
        if (reader.isEmpty() || !reader.get().wantsReplies() || !reader.get().verified()
                || "guest".equals(reader.get().role()) || reader.get().id().equals(reply.get().authorId())) {
            return;
        }
        Locale locale = MailLanguages.of(reply.get().language());
        String unsubscribe = texts.unsubscribeLink(tokens, reader.get().id(), MailPreferences.Kind.REPLIES);
        String body = reply.get().body();
        OutgoingMail mail = texts.compose(locale, "reply", reader.get().email(), reader.get().name(),
                "reply.subject", new Object[] {reply.get().authorName()}, "reply.body",
                new Object[] {reply.get().authorName(), reply.get().storyTitle(),
                        body.length() <= EXCERPT ? body : body.substring(0, EXCERPT - 1) + "…",
                        reply.get().storyUrl()},
                unsubscribe);
        MailQueue.enqueue(handle, mail, clock.instant());
    }
}
