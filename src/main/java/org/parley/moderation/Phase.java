package org.parley.moderation;

import java.util.Optional;

/**
 * One rule of the moderation pipeline. A phase looks at a submission and answers nothing (no objection) or a
 * verdict; a phase may also refuse the request outright by throwing a {@link org.parley.problem.Problem}
 * (the body is too long, the story is closed), in which case nothing is stored.
 */
public interface Phase {

    Optional<Verdict> check(Submission submission);
}
