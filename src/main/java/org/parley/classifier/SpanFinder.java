package org.parley.classifier;

import java.util.List;

/**
 * Finds the words that drove a category's score: each word's share of the category's logit is the sum of the
 * weighted values of the features it takes part in (its unigram, the bigrams it is in, its char n-grams).
 * Words whose share is positive and at least half the largest share become {@link Span}s of the original text;
 * neighbouring flagged words merge into one span. One per thread, like the buffers it reads.
 */
final class SpanFinder {

    /**
     * A word must add at least this much to the final logit to be highlighted: its share of the n-gram logit times
     * the weight the model mixes the n-gram logit in with. Below it a word is noise, and a nudge it cannot explain
     * is explained by a sentence instead ({@link SentenceOcclusion}).
     */
    private static final double MIN_SHARE = 0.4;

    private final Model model;
    private final Features features;
    private double[] shares = new double[64];
    private double share;
    private int category;
    private FeatureVector vector;

    SpanFinder(Model model, Features features) {
        this.model = model;
        this.features = features;
    }

    /** Adds the spans behind {@code target}'s score for the text whose features {@code vector} holds. */
    void find(NormalizedText text, FeatureVector vector, Category target, List<Span> out) {
        if (shares.length < text.words) {
            shares = new double[text.words * 2];
        }
        this.vector = vector;
        this.category = target.ordinal();
        double max = 0;
        double mix = model.encoder == null ? 1 : model.encoder.mixNgram[category];
        for (int w = 0; w < text.words; w++) {
            share = 0;
            features.featuresOfWord(text, w, this::addShare);
            shares[w] = share * mix;
            max = Math.max(max, share);
        }
        double floor = Math.max(MIN_SHARE, max / 2);
        int open = -1;
        for (int w = 0; w <= text.words; w++) {
            boolean flagged = w < text.words && shares[w] >= floor;
            if (flagged && open < 0) {
                open = w;
            } else if (!flagged && open >= 0) {
                out.add(new Span(text.originalStart(open), text.originalEnd(w - 1), target));
                open = -1;
            }
        }
        this.vector = null;
    }

    private void addShare(int bucket) {
        share += vector.valueOf(bucket) * model.weight(bucket, category);
    }
}
