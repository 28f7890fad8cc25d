package org.parley.classifier;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains a {@link SiteHead} from a site's labelled decisions over a base classifier: embeds each decided comment
 * once, takes the base model's logits beside the embedding, and fits one logistic regression per category that
 * the decisions label both ways at least {@value #MIN_EACH} times. The L2 strength is chosen per category by
 * 3-fold cross-validation on the decisions (log loss) among a few values, so a site with 200 decisions is held
 * closer to the base model than one with 5,000. A few seconds for a few thousand decisions.
 */
public final class SiteHeadTraining {

    /** A category needs at least this many decisions of each kind to get its own head. */
    public static final int MIN_EACH = 10;
    private static final double[] L2 = {1, 0.3, 0.1, 0.03, 0.01, 0.003};
    private static final int ITERATIONS = 300;
    private static final int FOLDS = 3;

    private final Classifier base;
    private final Progress progress;

    public SiteHeadTraining(Classifier base, Progress progress) {
        this.base = base;
        this.progress = progress;
    }

    /** A site classifier: the base with a head trained on {@code examples} (labels as decisions give them). */
    public Classifier train(List<LabeledText> examples) {
        if (base.siteHead() != null) {
            throw new IllegalArgumentException("a site model is trained over the shipped model, not another site's");
        }
        float[][] x = features(examples);
        boolean[] trained = new boolean[Category.COUNT];
        float[][] weights = new float[Category.COUNT][];
        float[] bias = new float[Category.COUNT];
        for (int c = 0; c < Category.COUNT; c++) {
            int[] rows = labelled(examples, c);
            byte[] y = new byte[rows.length];
            int positives = 0;
            for (int i = 0; i < rows.length; i++) {
                y[i] = examples.get(rows[i]).impliedLabels()[c];
                positives += y[i];
            }
            if (positives < MIN_EACH || rows.length - positives < MIN_EACH) {
                continue;
            }
            double l2 = chooseL2(x, rows, y);
            double[] w = fit(x, rows, y, l2);
            trained[c] = true;
            weights[c] = new float[SiteHead.FEATURES];
            for (int j = 0; j < SiteHead.FEATURES; j++) {
                weights[c][j] = (float) w[j];
            }
            bias[c] = (float) w[SiteHead.FEATURES];
        }
        return base.withSiteHead(new SiteHead(base.modelVersion(), trained, weights, bias, thresholds(trained)));
    }

    /**
     * The bands of a site model: the base model's where the site has no head of its own, and 0.5 / 0.7 / 0.9 where
     * it has, since a head's probability is the chance that the site's moderators would reject the comment.
     */
    private Thresholds thresholds(boolean[] trained) {
        Thresholds shipped = base.thresholds();
        float[] nudge = new float[Category.COUNT];
        float[] hold = new float[Category.COUNT];
        float[] reject = new float[Category.COUNT];
        for (Category category : Category.values()) {
            int c = category.ordinal();
            nudge[c] = trained[c] ? 0.5f : (float) shipped.nudge(category);
            hold[c] = trained[c] ? 0.7f : (float) shipped.hold(category);
            reject[c] = trained[c] ? 0.9f : (float) shipped.reject(category);
        }
        return new Thresholds(nudge, hold, reject);
    }

    private float[][] features(List<LabeledText> examples) {
        float[][] x = new float[examples.size()][];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            String text = examples.get(i).text();
            float[] embedding = SentenceEncoder.shared().embed(SentenceEncoder.inputOf(text));
            x[i] = SiteHead.features(embedding, base.baseLogits(text, embedding));
            int n = done.incrementAndGet();
            if (n % 64 == 0 || n == examples.size()) {
                synchronized (progress) {
                    progress.update(n, examples.size(), "embedding");
                }
            }
        });
        return x;
    }

    private static int[] labelled(List<LabeledText> examples, int c) {
        return IntStream.range(0, examples.size())
                .filter(i -> examples.get(i).impliedLabels()[c] != LabeledText.UNKNOWN)
                .toArray();
    }

    private static double chooseL2(float[][] x, int[] rows, byte[] y) {
        double best = L2[0];
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double l2 : L2) {
            double loss = 0;
            for (int fold = 0; fold < FOLDS; fold++) {
                int f = fold;
                int[] trainIdx = IntStream.range(0, rows.length).filter(i -> i % FOLDS != f).toArray();
                int[] testIdx = IntStream.range(0, rows.length).filter(i -> i % FOLDS == f).toArray();
                double[] w = fit(x, pick(rows, trainIdx), pick(y, trainIdx), l2);
                for (int i : testIdx) {
                    double p = 1 / (1 + Math.exp(-dot(w, x[rows[i]])));
                    p = Math.min(1 - 1e-6, Math.max(1e-6, p));
                    loss -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
                }
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = l2;
            }
        }
        return best;
    }

    private static double[] fit(float[][] x, int[] rows, byte[] y, double l2) {
        return LogisticFit.fit(x, rows, y, null, l2, ITERATIONS);
    }

    private static double dot(double[] w, float[] row) {
        return LogisticFit.logit(w, row);
    }

    private static int[] pick(int[] values, int[] at) {
        int[] out = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = values[at[i]];
        }
        return out;
    }

    private static byte[] pick(byte[] values, int[] at) {
        byte[] out = new byte[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = values[at[i]];
        }
        return out;
    }
}
