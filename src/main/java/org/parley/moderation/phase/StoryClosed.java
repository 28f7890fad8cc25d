package org.parley.moderation.phase;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.parley.moderation.Phase;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;
import org.parley.story.StoryClosing;
import org.parley.story.StoryStatus;

/**
 * Refuses new comments and edits on a story whose comments are closed: by a moderator, or by the site's rule once
 * the given days have passed since the story's first comment ({@link StoryClosing}). Thread-safe.
 */
public final class StoryClosed implements Phase {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final StoryClosing closing;

    public StoryClosed(StoryClosing closing) {
        this.closing = closing;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        if (submission.story().status() == StoryStatus.CLOSED) {
            throw Problem.forbidden("story_closed", "Comments on this story are closed.");
        }
        Optional<Instant> closesAt = closing.closesAt(submission.story(), submission.settings());
        if (closesAt.isPresent() && !submission.now().isBefore(closesAt.get())) {
            int days = submission.settings().closeAfterDays();
            throw Problem.forbidden("story_closed", "Comments on this story closed on " + DAY.format(closesAt.get())
                    + ", " + days + (days == 1 ? " day" : " days") + " after its first comment.");
        }
        return Optional.empty();
    }
}
