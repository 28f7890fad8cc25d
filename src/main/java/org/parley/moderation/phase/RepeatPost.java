package org.parley.moderation.phase;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.Phase;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;

/**
 * Refuses a comment whose text is the same as the author's last comment (ignoring case and spacing), the usual
 * shape of a double click or of a spammer pasting one message under many stories.
 */
public final class RepeatPost implements Phase {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ModerationStore store;

    public RepeatPost(ModerationStore store) {
        this.store = store;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        String editing = submission.isEdit() ? submission.editing().id() : null;
        Optional<String> last = store.lastBody(submission.author().id(), editing);
        if (last.isPresent() && canonical(last.get()).equals(canonical(submission.body()))) {
            throw Problem.conflict("repeat_post", "You have posted this same comment already.");
        }
        return Optional.empty();
    }

    private static String canonical(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
