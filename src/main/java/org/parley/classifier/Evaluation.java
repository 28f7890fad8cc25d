package org.parley.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How a classifier does on labelled examples: per category, ROC-AUC, average precision and the confusion at each
 * shipped threshold band, plus the ranked scores for ROC curves. Labels are completed as in training
 * ({@link LabeledText#impliedLabels()}); examples with an unknown label for a category do not count for it.
 */
public final class Evaluation {

    private static final int CHUNK = 2048;

    /** One category's results; {@code ranked} is null when the examples never label the category. */
    public record Result(Category category, RankedScores ranked, double nudge, double hold, double reject) {
    }

    private final List<Result> results;

    private Evaluation(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /** Scores every example (in parallel, in chunks that report progress) and measures each category. */
    public static Evaluation of(Classifier classifier, List<LabeledText> examples, Progress progress) {
        return of(examples, scoreAll(classifier, examples, progress), classifier.thresholds());
    }

    /** Measures each category from scores made by {@link #scoreAll}. */
    public static Evaluation of(List<LabeledText> examples, double[][] scores, Thresholds thresholds) {
        List<Result> results = new ArrayList<>();
        for (Category category : Category.values()) {
            RankedScores ranked = ranked(examples, scores, category);
            results.add(new Result(category, ranked.size() == 0 ? null : ranked, thresholds.nudge(category),
                    thresholds.hold(category), thresholds.reject(category)));
        }
        return new Evaluation(results);
    }

    /** The results, one per category, in {@link Category} order. */
    public List<Result> results() {
        return results;
    }

    /** The scores of every example, indexed by example then category ordinal. */
    public static double[][] scoreAll(Classifier classifier, List<LabeledText> examples, Progress progress) {
        double[][] scores = new double[examples.size()][];
        for (int from = 0; from < examples.size(); from += CHUNK) {
            int start = from;
            int to = Math.min(examples.size(), from + CHUNK);
            IntStream.range(start, to).parallel().forEach(i -> {
                Scores s = classifier.score(examples.get(i).text());
                double[] row = new double[Category.COUNT];
                for (Category category : Category.values()) {
                    row[category.ordinal()] = s.get(category);
                }
                scores[i] = row;
            });
            progress.update(to, examples.size(), "scoring");
        }
        return scores;
    }

    /** The scores and implied labels of the examples that label {@code category}. */
    static RankedScores ranked(List<LabeledText> examples, double[][] scores, Category category) {
        int c = category.ordinal();
        double[] kept = new double[examples.size()];
        boolean[] labels = new boolean[examples.size()];
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            byte label = examples.get(i).impliedLabels()[c];
            if (label != LabeledText.UNKNOWN) {
                kept[n] = scores[i][c];
                labels[n] = label == 1;
                n++;
            }
        }
        return new RankedScores(java.util.Arrays.copyOf(kept, n), java.util.Arrays.copyOf(labels, n));
    }
}
