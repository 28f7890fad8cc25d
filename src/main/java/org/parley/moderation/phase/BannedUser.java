package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Phase;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;

/** Refuses comments from a banned or suspended account, saying until when. */
public final class BannedUser implements Phase {

    private final ModerationStore store;

    public BannedUser(ModerationStore store) {
        this.store = store;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        store.bannedUntil(submission.author().id(), submission.now()).ifPresent(until -> {
            boolean suspended = until.getEpochSecond() < 32503680000L;
            throw Problem.forbidden("user_banned", suspended
                    ? "Your account is suspended until " + until + "; you can read but not comment until then."
                    : "Your account is banned from commenting.");
        });
        return Optional.empty();
    }
}
