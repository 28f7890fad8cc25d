package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;

/** Holds every comment on a premoderated site or story for a moderator. */
public final class PreModeration implements Phase {

    @Override
    public Optional<Verdict> check(Submission submission) {
        if (submission.settings().premoderation()) {
            return Optional.of(Verdict.hold(new Reason("premoderation.site",
                    "Comments on this site are checked by a moderator before they appear.")));
        }
        if (submission.story().premoderated()) {
            return Optional.of(Verdict.hold(new Reason("premoderation.story",
                    "Comments on this story are checked by a moderator before they appear.")));
        }
        return Optional.empty();
    }
}
