package org.parley.classifier;

/** Receives how far a long job (training, evaluation) has come; called from the thread that runs the job. */
@FunctionalInterface
public interface Progress {

    /** Ignores all updates. */
    Progress NONE = (done, total, stage) -> { };

    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void update(long done, long total, String stage);
}
