package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.moderation.Phase;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;
import org.parley.story.StoryStatus;

/** Refuses new comments and edits on a story whose comments are closed. */
public final class StoryClosed implements Phase {

    @Override
    public Optional<Verdict> check(Submission submission) {
        if (submission.story().status() == StoryStatus.CLOSED) {
            throw Problem.forbidden("story_closed", "Comments on this story are closed.");
        }
        return Optional.empty();
    }
}
