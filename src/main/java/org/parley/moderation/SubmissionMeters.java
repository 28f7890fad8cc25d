package org.parley.moderation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.parley.classifier.Classification;
import org.parley.comment.CommentStatus;

/**
 * What {@link Submissions} counts for {@code /metrics}: comments by the status the pipeline gave them
 * ({@code parley_comments_judged_total{status}}), guideline nudges ({@code parley_comments_nudged_total}) and
 * the classifier's time per comment ({@code parley_classifier_seconds}, with histogram buckets).
 */
public final class SubmissionMeters {

    private final Map<CommentStatus, Counter> judged = new EnumMap<>(CommentStatus.class);
    private final Counter nudged;
    private final Timer classifier;

    public SubmissionMeters(MeterRegistry registry) {
        for (CommentStatus status : CommentStatus.values()) {
            judged.put(status, Counter.builder("parley.comments.judged")
                    .description("New and edited comments by the status the pipeline gave them")
                    .tag("status", status.code())
                    .register(registry));
        }
        nudged = Counter.builder("parley.comments.nudged")
                .description("Submissions sent back to their writer with a guideline nudge")
                .register(registry);
        classifier = Timer.builder("parley.classifier")
                .description("Time the civility classifier took for one comment")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    /** Meters that no one reads, for code run outside a server (tests, benchmarks, the command line). */
    static SubmissionMeters unregistered() {
        return new SubmissionMeters(new SimpleMeterRegistry());
    }

    Classification timeClassifier(Supplier<Classification> classify) {
        return classifier.record(classify);
    }

    void judged(CommentStatus status) {
        judged.get(status).increment();
    }

    void nudged() {
        nudged.increment();
    }
}
