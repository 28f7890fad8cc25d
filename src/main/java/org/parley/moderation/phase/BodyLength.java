package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.moderation.Phase;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;

/** Refuses an empty body, or one longer than the publisher allows (counted in characters), with a 422 on body. */
public final class BodyLength implements Phase {

    private final int maxLength;

    public BodyLength(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public Optional<Verdict> check(Submission submission) {
        int length = submission.body().codePointCount(0, submission.body().length());
        if (submission.plainText().isBlank()) {
            throw Problem.unprocessable("body_empty", "Write something before you post.", "body");
        }
        if (length > maxLength) {
            throw Problem.unprocessable("body_too_long", "Comments can be at most " + maxLength
                    + " characters long; this one has " + length + ".", "body");
        }
        return Optional.empty();
    }
}
