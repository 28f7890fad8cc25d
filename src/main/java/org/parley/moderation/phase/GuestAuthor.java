package org.parley.moderation.phase;

import java.util.Optional;
import org.parley.account.Role;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;

/**
 * Holds a guest's comment for a moderator unless the site publishes guests' comments; refuses it when the site
 * takes no guests at all (the API refuses such a request earlier; this keeps the rule where every path passes).
 */
public final class GuestAuthor implements Phase {

    @Override
    public Optional<Verdict> check(Submission submission) {
        if (submission.author().role() != Role.GUEST) {
            return Optional.empty();
        }
        return switch (submission.settings().guestComments()) {
            case "published" -> Optional.empty();
            case "pending" -> Optional.of(Verdict.hold(new Reason("user.guest",
                    "Comments from guests are checked by a moderator before they appear.")));
            default -> throw new Problem(ProblemKind.UNAUTHENTICATED, "not_signed_in",
                    "This site takes comments from signed-in readers only. Sign in first.");
        };
    }
}
