package org.parley.moderation;

import java.util.List;
import org.parley.comment.CommentStatus;

/** A phase's judgement: the status it asks for (published, pending or rejected) and why. */
public record Verdict(CommentStatus status, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict hold(Reason reason) {
        return new Verdict(CommentStatus.PENDING, List.of(reason));
    }

    public static Verdict reject(Reason reason) {
        return new Verdict(CommentStatus.REJECTED, List.of(reason));
    }
}
