package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;

/**
 * The optional new-commenter rule: while an account has written fewer than the site's number of comments, any
 * comment whose overall incivility score passes the site's lower bar waits for a moderator ({@code user.new}).
 * Off unless the site sets a number; a civil first comment is published at once either way.
 */
public final class NewCommenter implements Phase {

    private final ModerationStore store;

    public NewCommenter(ModerationStore store) {
        this.store = store;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        int firstComments = submission.settings().newCommenterComments();
        double uncivil = submission.classification().scores().uncivil();
        if (firstComments <= 0 || uncivil < submission.settings().newCommenterBar()) {
            return Optional.empty();
        }
        if (store.commentCount(submission.author().id()) >= firstComments) {
            return Optional.empty();
        }
        return Optional.of(Verdict.hold(new Reason("user.new",
                "Comments from new accounts that may break the guidelines are checked by a moderator first.")));
    }
}
