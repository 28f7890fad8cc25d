package org.parley.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.comment.CommentStatus;

/**
 * The ordered rules every new or edited comment passes before it is stored.
 *
 * <p>The rule: phases run in order; a phase that throws refuses the request and nothing is stored; a rejection
 * ends the run; holds collect their reasons and the run goes on (a later phase may still reject); a submission
 * no phase objects to is published. Cheap checks of the request come first, so a refusal costs little.
 */
public final class Pipeline {

    private final List<Phase> phases;

    public Pipeline(List<Phase> phases) {
        this.phases = List.copyOf(phases);
    }

    /** The phases of this pipeline, in order. */
    public static Pipeline of(Phase... phases) {
        return new Pipeline(List.of(phases));
    }

    /** The phases in the order they run. */
    public List<Phase> phases() {
        return phases;
    }

    public Verdict run(Submission submission) {
        List<Reason> reasons = new ArrayList<>();
        CommentStatus status = CommentStatus.PUBLISHED;
        for (Phase phase : phases) {
            Optional<Verdict> verdict = phase.check(submission);
            if (verdict.isEmpty()) {
                continue;
            }
            reasons.addAll(verdict.get().reasons());
            if (verdict.get().status() == CommentStatus.REJECTED) {
                return new Verdict(CommentStatus.REJECTED, reasons);
            }
            if (verdict.get().status() == CommentStatus.PENDING) {
                status = CommentStatus.PENDING;
            }
        }
        return new Verdict(status, reasons);
    }
}
