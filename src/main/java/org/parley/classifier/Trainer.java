package org.parley.classifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Trains a {@link Model}: one logistic-regression head per category, fitted by stochastic gradient descent with
 * AdaGrad step sizes (Duchi, Hazan and Singer 2011) and L2 regularization applied to the weights a step touches.
 *
 * <p>Masking: a label a data set does not give is unknown, not 0 (see {@link LabeledText#impliedLabels()} for the
 * labels that can be inferred); an unknown label contributes nothing to its head's loss, so each head learns only
 * from the data sets that speak about it. Featurizing runs in parallel, batch by batch; the weight updates run in
 * a fixed order on one thread, so the same data and options always give the same model.
 */
public final class Trainer {

    /**
     * How to train: hash bits, passes over the data, AdaGrad's base step, L2 strength, the shuffle seed, a weight
     * per source (data set name) for the sources that should count more or less than one per example, and the
     * sources whose civil dev rows cap how often each band may fire ({@link ThresholdChoice}).
     */
    public record Options(int bits, int epochs, double learningRate, double l2, long seed,
            Map<String, Double> sourceWeights, Set<String> civilReference) {

        public Options {
            sourceWeights = Map.copyOf(sourceWeights);
            civilReference = Set.copyOf(civilReference);
        }

        public Options(int bits, int epochs, double learningRate, double l2, long seed,
                Map<String, Double> sourceWeights) {
            this(bits, epochs, learningRate, l2, seed, sourceWeights, Set.of());
        }

        /** These options with other civil reference sources. */
        public Options withCivilReference(Set<String> sources) {
            return new Options(bits, epochs, learningRate, l2, seed, sourceWeights, sources);
        }

        /** The options the shipped model was trained with. */
        public static Options defaults() {
            return new Options(20, 5, 0.2, 1e-6, 20261128L, Map.of());
        }

        double weightOf(String source) {
            return sourceWeights.getOrDefault(source, 1.0);
        }
    }

    private static final int BATCH = 4096;

    private final Options options;
    private final Progress progress;
    private final EncoderTraining.Options encoder;

    /** A trainer of n-gram heads alone. */
    public Trainer(Options options, Progress progress) {
        this(options, progress, null);
    }

    private Trainer(Options options, Progress progress, EncoderTraining.Options encoder) {
        this.options = options;
        this.progress = progress;
        this.encoder = encoder;
    }

    /**
     * A trainer that adds encoder heads beside the n-gram heads, learning from at most {@code perSource} rows of
     * each data set, with embeddings kept in {@code embeddings}' cache.
     */
    public Trainer withEncoder(int perSource, Embeddings embeddings) {
        return new Trainer(options, progress, new EncoderTraining.Options(perSource, 400, 1e-4, embeddings));
    }

    /** Trains on {@code train} and chooses the thresholds on {@code dev}. */
    public Classifier train(List<LabeledText> train, List<LabeledText> dev) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        Features features = new Features(options.bits());
        int buckets = 1 << options.bits();
        float[] weights = new float[buckets * Category.COUNT];
        float[] squares = new float[buckets * Category.COUNT];
        double[] bias = new double[Category.COUNT];
        double[] biasSquares = new double[Category.COUNT];
        byte[][] labels = new byte[train.size()][];
        float[] exampleWeights = new float[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.get(i).impliedLabels();
            exampleWeights[i] = (float) options.weightOf(train.get(i).source());
        }
        Random random = new Random(options.seed());
        int[] order = IntStream.range(0, train.size()).toArray();
        long total = (long) options.epochs() * order.length;
        ThreadLocal<Featurizer> featurizers = ThreadLocal.withInitial(() -> new Featurizer(features));
        double[] logits = new double[Category.COUNT];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += BATCH) {
                int to = Math.min(order.length, from + BATCH);
                int start = from;
                SparseRow[] rows = new SparseRow[to - from];
                IntStream.range(0, rows.length).parallel().forEach(
                        i -> rows[i] = featurizers.get().row(train.get(order[start + i]).text()));
                for (int i = 0; i < rows.length; i++) {
                    int example = order[start + i];
                    step(rows[i], labels[example], exampleWeights[example], weights, squares, bias, biasSquares,
                            logits);
                }
                progress.update((long) epoch * order.length + to, total, "training");
            }
        }
        float[] finalBias = new float[Category.COUNT];
        for (int c = 0; c < Category.COUNT; c++) {
            finalBias[c] = (float) bias[c];
        }
        Thresholds provisional = ThresholdChoice.provisional();
        Model unthresholded = Model.quantize(options.bits(), finalBias, weights, provisional);
        Classifier scorer = new Classifier(unthresholded, "training");
        if (encoder != null && !dev.isEmpty()) {
            Model mixed = new EncoderTraining(encoder, options, progress).train(scorer, train, dev);
            return Classifier.fromBytes(mixed.toBytes());
        }
        Thresholds chosen = dev.isEmpty() ? provisional
                : ThresholdChoice.choose(dev, Evaluation.scoreAll(scorer, dev, progress), options.civilReference());
        Model model = Model.quantize(options.bits(), finalBias, weights, chosen);
        return Classifier.fromBytes(model.toBytes());
    }

    private void step(SparseRow row, byte[] label, float weight, float[] weights, float[] squares, double[] bias,
            double[] biasSquares, double[] logits) {
        for (int c = 0; c < Category.COUNT; c++) {
            logits[c] = bias[c];
        }
        for (int k = 0; k < row.index.length; k++) {
            int base = row.index[k] * Category.COUNT;
            float v = row.value[k];
            for (int c = 0; c < Category.COUNT; c++) {
                logits[c] += v * weights[base + c];
            }
        }
        double rate = options.learningRate();
        float l2 = (float) options.l2();
        for (int c = 0; c < Category.COUNT; c++) {
            if (label[c] == LabeledText.UNKNOWN) {
                continue;
            }
            double gradient = weight * (1 / (1 + Math.exp(-logits[c])) - label[c]);
            biasSquares[c] += gradient * gradient;
            bias[c] -= rate * gradient / Math.sqrt(biasSquares[c] + 1e-8);
            for (int k = 0; k < row.index.length; k++) {
                int at = row.index[k] * Category.COUNT + c;
                float g = (float) gradient * row.value[k] + l2 * weights[at];
                squares[at] += g * g;
                weights[at] -= (float) (rate * g / Math.sqrt(squares[at] + 1e-8));
            }
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** A text's closed feature vector, copied out of the reusable buffers. */
    private record SparseRow(int[] index, float[] value) {
    }

    /** One thread's buffers for featurizing training texts. */
    private static final class Featurizer {
        private final Features features;
        private final NormalizedText text = new NormalizedText();
        private final FeatureVector vector = new FeatureVector();

        Featurizer(Features features) {
            this.features = features;
        }

        SparseRow row(String raw) {
            Normalizer.normalize(raw, text);
            features.extract(text, vector);
            int[] index = new int[vector.size];
            float[] value = new float[vector.size];
            System.arraycopy(vector.index, 0, index, 0, vector.size);
            System.arraycopy(vector.value, 0, value, 0, vector.size);
            return new SparseRow(index, value);
        }
    }

    /**
     * The examples whose text is not also the text of a test example in {@code all}: the same comment can sit in
     * two data sets or twice in one, and must not be trained on when it is tested on.
     */
    public static List<LabeledText> withoutTestTexts(List<LabeledText> examples, List<LabeledText> all) {
        Set<String> testTexts = new HashSet<>();
        for (LabeledText example : all) {
            if (example.split() == Split.TEST) {
                testTexts.add(example.text());
            }
        }
        List<LabeledText> kept = new ArrayList<>();
        for (LabeledText example : examples) {
            if (!testTexts.contains(example.text())) {
                kept.add(example);
            }
        }
        return kept;
    }

    /** The examples of the given split from a list. */
    public static List<LabeledText> only(List<LabeledText> examples, Split split) {
        List<LabeledText> result = new ArrayList<>();
        for (LabeledText example : examples) {
            if (example.split() == split) {
                result.add(example);
            }
        }
        return result;
    }
}
