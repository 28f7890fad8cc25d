package org.parley.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Trains the {@link EncoderHeads} of a model beside its n-gram heads: the heads on a per-source sample of the
 * training rows, the mixing of the two logits on the dev split, then the thresholds on the mixed scores and the
 * cascade's cut.
 *
 * <p>Design note. Embedding costs milliseconds a text, so the encoder heads learn from at most
 * {@code perSource} rows of each data set (the first by a hash of the text, so the sample is fixed), which is
 * plenty for 384 weights a head. The heads are fitted by full-batch gradient descent with Adam steps and L2, with
 * masked labels as in {@link Trainer}. The dev rows are all embedded: they choose the mixing, the bands and the
 * cut, and sampling them would make those noisier.
 */
final class EncoderTraining {

    /** How to train the encoder side. */
    record Options(int perSource, int iterations, double l2, Embeddings embeddings) {
    }

    /** The cuts tried for the cascade, highest first: the encoder runs when an n-gram probability reaches it. */
    private static final float[] CUTS = {0.5f, 0.4f, 0.3f, 0.2f, 0.15f, 0.1f, 0.07f, 0.05f, 0.03f, 0.02f, 0.01f};
    /** The share of dev comments whose band may change when the encoder is skipped for them. */
    private static final double CASCADE_TOLERANCE = 0.002;

    private final Options options;
    private final Trainer.Options trainerOptions;
    private final Progress progress;

    EncoderTraining(Options options, Trainer.Options trainerOptions, Progress progress) {
        this.options = options;
        this.trainerOptions = trainerOptions;
        this.progress = progress;
    }

    /** The n-gram model with encoder heads, thresholds and cut added. */
    Model train(Classifier ngram, List<LabeledText> train, List<LabeledText> dev) {
        List<LabeledText> sample = sample(train);
        float[][] x = options.embeddings().of(texts(sample), progress);
        EncoderHeads heads = fitHeads(sample, x);
        float[][] devX = options.embeddings().of(texts(dev), progress);
        double[][] n = new double[dev.size()][];
        double[][] e = new double[dev.size()][Category.COUNT];
        IntStream.range(0, dev.size()).parallel().forEach(i -> {
            n[i] = ngram.ngramLogits(dev.get(i).text());
            for (int c = 0; c < Category.COUNT; c++) {
                e[i][c] = heads.logit(devX[i], c);
            }
        });
        EncoderHeads mixed = fitMixing(heads, dev, n, e);
        Thresholds full = ThresholdChoice.choose(dev, scores(mixed, n, e, 0f), trainerOptions.civilReference());
        float cut = chooseCut(mixed, dev, n, e, full);
        EncoderHeads cascaded = withSkip(mixed, n, e, cut);
        Thresholds chosen = ThresholdChoice.choose(dev, scores(cascaded, n, e, cut),
                trainerOptions.civilReference());
        return ngram.model().with(chosen, cascaded);
    }

    private List<LabeledText> sample(List<LabeledText> train) {
        Map<String, List<LabeledText>> bySource = new HashMap<>();
        for (LabeledText example : train) {
            bySource.computeIfAbsent(example.source(), s -> new ArrayList<>()).add(example);
        }
        List<LabeledText> sample = new ArrayList<>();
        for (String source : bySource.keySet().stream().sorted().toList()) {
            bySource.get(source).stream()
                    .sorted(Comparator.comparingInt((LabeledText example) -> sampleOrder(example.text()))
                            .thenComparing(LabeledText::text))
                    .limit(options.perSource())
                    .forEach(sample::add);
        }
        return sample;
    }

    /** A hash of the text unrelated to the one {@link Split} uses, so the sample cuts across its buckets. */
    private static int sampleOrder(String text) {
        int h = text.hashCode() * 0x85EBCA6B;
        return h ^ h >>> 13;
    }

    private EncoderHeads fitHeads(List<LabeledText> sample, float[][] x) {
        int d = SentenceEncoder.DIMENSIONS;
        float[][] weights = new float[Category.COUNT][];
        float[] bias = new float[Category.COUNT];
        byte[][] labels = new byte[sample.size()][];
        double[] rowWeight = new double[sample.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = sample.get(i).impliedLabels();
            rowWeight[i] = trainerOptions.weightOf(sample.get(i).source());
        }
        IntStream.range(0, Category.COUNT).parallel().forEach(c -> {
            int[] rows = IntStream.range(0, labels.length).filter(i -> labels[i][c] != LabeledText.UNKNOWN).toArray();
            if (rows.length == 0) {
                weights[c] = new float[d];
                return;
            }
            byte[] y = new byte[rows.length];
            double[] rowWeights = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = labels[rows[i]][c];
                rowWeights[i] = rowWeight[rows[i]];
            }
            double[] w = LogisticFit.fit(x, rows, y, rowWeights, options.l2(), options.iterations());
            float[] head = new float[d];
            for (int j = 0; j < d; j++) {
                head[j] = (float) w[j];
            }
            weights[c] = head;
            bias[c] = (float) w[d];
        });
        float[] ones = new float[Category.COUNT];
        Arrays.fill(ones, 1f);
        return new EncoderHeads(SentenceEncoder.NAME, weights, bias, ones, new float[Category.COUNT],
                new float[Category.COUNT], new float[Category.COUNT], 0f);
    }

    /** Per category, a logistic regression of the label on the two logits: the stacking weights. */
    private static EncoderHeads fitMixing(EncoderHeads heads, List<LabeledText> dev, double[][] n, double[][] e) {
        float[] a = new float[Category.COUNT];
        float[] b = new float[Category.COUNT];
        float[] bias = new float[Category.COUNT];
        for (int category = 0; category < Category.COUNT; category++) {
            int c = category;
            double[] w = {1, 0, 0};
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) {
                if (dev.get(i).impliedLabels()[c] != LabeledText.UNKNOWN) {
                    rows.add(i);
                }
            }
            boolean bothClasses = rows.stream().anyMatch(i -> dev.get(i).impliedLabels()[c] == 1)
                    && rows.stream().anyMatch(i -> dev.get(i).impliedLabels()[c] == 0);
            if (bothClasses) {
                for (int step = 0; step < 3000; step++) {
                    double[] g = new double[3];
                    for (int i : rows) {
                        double z = w[0] * n[i][c] + w[1] * e[i][c] + w[2];
                        double r = 1 / (1 + Math.exp(-z)) - dev.get(i).impliedLabels()[c];
                        g[0] += r * n[i][c];
                        g[1] += r * e[i][c];
                        g[2] += r;
                    }
                    for (int j = 0; j < 3; j++) {
                        w[j] -= 0.5 * (g[j] / rows.size() + (j < 2 ? 1e-4 * w[j] : 0));
                    }
                }
            }
            a[c] = (float) w[0];
            b[c] = (float) w[1];
            bias[c] = (float) w[2];
        }
        return heads.withMixing(a, b, bias, new float[Category.COUNT], 0f);
    }

    /** The mixed scores of the dev rows when the encoder is skipped under {@code cut}. */
    private static double[][] scores(EncoderHeads heads, double[][] n, double[][] e, float cut) {
        double[][] scores = new double[n.length][Category.COUNT];
        for (int i = 0; i < n.length; i++) {
            boolean skip = skipped(n[i], cut);
            for (int c = 0; c < Category.COUNT; c++) {
                double encoder = skip ? heads.skipLogit[c] : e[i][c];
                scores[i][c] = 1 / (1 + Math.exp(-heads.mix(c, n[i][c], encoder)));
            }
        }
        return scores;
    }

    /** Whether the cascade skips the encoder for a dev row, as scoring would ({@link EncoderHeads#skips}). */
    private static boolean skipped(double[] ngramLogits, float cut) {
        double[] probabilities = new double[ngramLogits.length];
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] = 1 / (1 + Math.exp(-ngramLogits[c]));
        }
        return EncoderHeads.skips(probabilities, cut);
    }

    /** The heads with the cut and, per category, the mean encoder logit of the dev rows it skips. */
    private static EncoderHeads withSkip(EncoderHeads heads, double[][] n, double[][] e, float cut) {
        float[] skipLogit = new float[Category.COUNT];
        int skipped = 0;
        for (int i = 0; i < n.length; i++) {
            if (skipped(n[i], cut)) {
                skipped++;
                for (int c = 0; c < Category.COUNT; c++) {
                    skipLogit[c] += (float) e[i][c];
                }
            }
        }
        for (int c = 0; c < Category.COUNT; c++) {
            skipLogit[c] = skipped == 0 ? 0 : skipLogit[c] / skipped;
        }
        return heads.withMixing(heads.mixNgram, heads.mixEncoder, heads.mixBias, skipLogit, cut);
    }

    /** The highest cut at which skipping the encoder changes the band of at most a tolerated share of dev rows. */
    private static float chooseCut(EncoderHeads heads, List<LabeledText> dev, double[][] n, double[][] e,
            Thresholds thresholds) {
        double[][] full = scores(heads, n, e, 0f);
        Band[] fullBands = new Band[n.length];
        for (int i = 0; i < n.length; i++) {
            fullBands[i] = thresholds.verdict(Scores.of(full[i])).band();
        }
        for (float cut : CUTS) {
            EncoderHeads candidate = withSkip(heads, n, e, cut);
            double[][] cascade = scores(candidate, n, e, cut);
            int changed = 0;
            for (int i = 0; i < n.length; i++) {
                if (thresholds.verdict(Scores.of(cascade[i])).band() != fullBands[i]) {
                    changed++;
                }
            }
            if (changed <= CASCADE_TOLERANCE * n.length) {
                return cut;
            }
        }
        return 0f;
    }

    private static List<String> texts(List<LabeledText> examples) {
        return examples.stream().map(example -> SentenceEncoder.inputOf(example.text())).toList();
    }
}
