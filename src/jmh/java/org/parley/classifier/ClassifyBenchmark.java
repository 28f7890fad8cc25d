package org.parley.classifier;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Classifier#classify(String)} with the shipped model on one thread: comments per second
 * per core, the figure issue 3 sets at 20,000 or more for 400-character comments.
 *
 * <p>Input: 1,024 synthetic comments of exactly {@code length} chars (400 by default; 100 and 1,600 to see how cost
 * grows), built from a fixed seed out of a vocabulary of civil news words with about one comment in ten carrying
 * an insult or a disguised one, so that the span search (which runs only for flagged comments) is paid in the
 * proportion a news site would see. Comments are visited round-robin so the branch predictor cannot learn one.
 *
 * <p>Run: {@code bench/jmh.sh ClassifyBenchmark} (or with JMH options, e.g. {@code bench/jmh.sh ClassifyBenchmark
 * -p length=400 -f 1}). The score is operations (comments) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifyBenchmark {

    private static final String[] CIVIL = {"the", "council", "budget", "minister", "said", "voters", "should",
        "article", "report", "housing", "plan", "agree", "disagree", "because", "wages", "rent", "city", "policy",
        "never", "really", "think", "evidence", "election", "schools", "tax", "transit", "years", "people", "and",
        "of", "to", "is", "a", "in", "that", "not", "this", "government", "reporter", "numbers"};
    private static final String[] UNCIVIL = {"idiot", "m.o.r.o.n", "sh!t", "stuuupid", "1d10t", "f*cking"};

    @Param({"400"})
    int length;

    private Classifier classifier;
    private String[] comments;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = Classifier.loadDefault();
        Random random = new Random(42);
        comments = new String[1024];
        for (int i = 0; i < comments.length; i++) {
            StringBuilder comment = new StringBuilder(length + 16);
            boolean uncivil = random.nextInt(10) == 0;
            while (comment.length() < length) {
                boolean insult = uncivil && random.nextInt(12) == 0;
                comment.append(insult ? UNCIVIL[random.nextInt(UNCIVIL.length)] : CIVIL[random.nextInt(CIVIL.length)]);
                comment.append(random.nextInt(9) == 0 ? ". " : " ");
            }
            comments[i] = comment.substring(0, length);
        }
    }

    @Benchmark
    public Classification classify() {
        String comment = comments[next];
        next = next + 1 & comments.length - 1;
        return classifier.classify(comment);
    }
}
