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
 * Latency of {@link Classifier#classify(String)} with the shipped model (n-grams and the sentence encoder) on one
 * thread, as a distribution: the budget is 30 ms at p99 for a 1,000-character comment on one core.
 *
 * <p>Input: 256 synthetic comments of exactly {@code length} chars from a fixed seed, built of civil news words.
 * With {@code mix=worst} every comment has an insult in about one word of eight, so the n-grams are never sure
 * and the encoder runs on every one (the cascade's worst case; a single insult in 1,000 characters is diluted
 * below the cascade's cut); with {@code mix=news} one comment in ten is like that, as on a heated news thread, and
 * the rest are scored by the n-grams alone.
 *
 * <p>Run on one core: {@code taskset -c 0 bench/jmh.sh ScoreLatencyBenchmark}. JMH prints p50, p90, p99 and
 * p99.9 per parameter set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = "-XX:ActiveProcessorCount=1")
public class ScoreLatencyBenchmark {

    private static final String[] CIVIL = {"the", "council", "budget", "minister", "said", "voters", "should",
        "article", "report", "housing", "plan", "agree", "disagree", "because", "wages", "rent", "city", "policy",
        "never", "really", "think", "evidence", "election", "schools", "tax", "transit", "years", "people", "and",
        "of", "to", "is", "a", "in", "that", "not", "this", "government", "reporter", "numbers", "refugees",
        "church", "army", "ceasefire", "police", "court"};
    private static final String[] INSULTS = {"idiot", "moron", "stupid", "pathetic loser", "clown"};

    @Param({"1000"})
    int length;

    @Param({"worst", "news"})
    String mix;

    private Classifier classifier;
    private String[] comments;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = Classifier.loadDefault();
        classifier.warmUp();
        Random random = new Random(7);
        comments = new String[256];
        for (int i = 0; i < comments.length; i++) {
            boolean uncivil = mix.equals("worst") || random.nextInt(10) == 0;
            StringBuilder comment = new StringBuilder(length + 16);
            while (comment.length() < length) {
                boolean insult = uncivil && random.nextInt(8) == 0;
                comment.append(insult ? INSULTS[random.nextInt(INSULTS.length)] : CIVIL[random.nextInt(CIVIL.length)]);
                comment.append(random.nextInt(11) == 0 ? ". " : " ");
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
