package org.parley.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.parley.comment.CommentChange;
import org.parley.comment.CommentStore;
import org.parley.community.FollowStore;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;

/**
 * Mails to the followers of a thread: each comment published there (on arrival, or when a moderator approves it)
 * is noted for every follower but its author, inside the publishing transaction; at most once an hour per followed
 * thread, one mail lists what was noted since the last one and still stands. The mail carries a signed one-click
 * link that ends the follow ({@code /account/unfollow}); it goes only to verified addresses, in the language of
 * the story's site. Thread-safe.
 */
public final class FollowerMails implements CommentStore.ChangeListener {

    /** At most one mail per followed thread in this interval. */
    public static final Duration INTERVAL = Duration.ofHours(1);
    static final String UNFOLLOW = "unfollow";
    private static final int LISTED = 20;

    private final FollowStore store;
    private final MailTexts texts;
    private final LinkTokens tokens;
    private final Clock clock;

    public FollowerMails(FollowStore store, MailTexts texts, LinkTokens tokens, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void changed(Handle handle, String commentId, List<CommentChange> changes) {
        if (changes.contains(CommentChange.PUBLISHED)) {
            FollowStore.recordNews(handle, commentId, clock.instant());
        }
    }

    /** Queues the mails that are due; answers how many. */
    public int queueDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (FollowStore.Due follow : store.due(now.minus(INTERVAL))) {
            if (store.jdbi().inTransaction(handle -> queue(handle, follow, now))) {
                queued++;
            }
        }
        return queued;
    }

    private boolean queue(Handle handle, FollowStore.Due follow, Instant now) {
        List<FollowStore.News> news = FollowStore.news(handle, follow.accountId(), follow.storyId());
        List<FollowStore.News> standing = news.stream().filter(FollowStore.News::published).toList();
        if (standing.isEmpty()) {
            FollowStore.dropNews(handle, follow.accountId(), follow.storyId(), news);
            return false;
        }
        if (!FollowStore.markSent(handle, follow, news, now)) {
            return false;
        }
        Locale locale = MailLanguages.of(follow.language());
        StringBuilder list = new StringBuilder();
        for (FollowStore.News item : standing.subList(0, Math.min(LISTED, standing.size()))) {
            list.append(texts.format(locale, "follow.item", item.authorName(), ModeratorDigests.excerpt(item.body())))
                    .append('\n');
        }
        if (standing.size() > LISTED) {
            list.append(texts.format(locale, "follow.more", standing.size() - LISTED)).append('\n');
        }
        String unfollow = texts.link("/account/unfollow?token="
                + tokens.sign(UNFOLLOW, null, follow.accountId(), follow.storyId()));
        MailQueue.enqueue(handle, texts.compose(locale, "follow", follow.email(), follow.name(), "follow.subject",
                new Object[] {standing.size(), follow.title()}, "follow.body",
                new Object[] {follow.title(), list.toString().strip(), follow.url()}, unfollow), now);
        return true;
    }

    /** Ends the follow a one-click link was made for; 400 for a bad link. Following again later works as before. */
    public void unfollow(String token) {
        List<String> fields = tokens.check(token, UNFOLLOW, clock.instant())
                .filter(list -> list.size() == 2)
                .orElseThrow(() -> new Problem(ProblemKind.INVALID, "token_invalid",
                        "This link is not valid. Open the newest mail about the thread.", "token"));
        store.unfollow(fields.get(0), fields.get(1));
    }
}
