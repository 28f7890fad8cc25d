package org.parley.classifier;

import java.util.function.IntConsumer;

/**
 * Turns a {@link NormalizedText} into the hashed sparse features the {@link Model} weighs.
 *
 * <p>Design note. Two groups of features, in the spirit of the TF-IDF word-and-char baselines that remain
 * strong on the Jigsaw toxicity tasks: word 1- and 2-grams, which carry meaning and negation ("not stupid"),
 * and character 2- to 5-grams taken inside each word with {@code <} and {@code >} marking its ends (as fastText
 * does for subwords), which carry spelling variants, inflections and the evasions the {@link Normalizer} cannot
 * undo. Every feature is hashed (the "hashing trick") into {@code 2^bits} buckets, so the model needs no
 * vocabulary and any text maps to features in one pass without allocating. Counts take the sublinear weight
 * {@code 1 + ln tf}; each group is scaled to Euclidean length {@code 1/sqrt 2}, so the whole vector has length 1
 * and a long comment is not more toxic for being long. No IDF: the per-category logistic weights learn what a
 * frequent feature is worth.
 *
 * <p>Words that name an identity ({@link IdentityWords}) get no unigram and no char n-grams, only the bigrams they
 * form with their neighbours, so that naming a group cannot raise a score by itself.
 *
 * <p>Char n-grams never cross a word boundary, which keeps each feature attributable to one word for
 * {@link Span}s, and a text's feature count near four per char.
 */
final class Features {

    static final float GROUP_LENGTH = (float) Math.sqrt(0.5);

    private static final int FNV_PRIME = 0x01000193;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int WORD_SEED = 0x2F0B3C51;
    private static final int BIGRAM_SEED = 0x5BD1E995;

    private final int mask;

    Features(int bits) {
        if (bits < 4 || bits > 26) {
            throw new IllegalArgumentException("hash bits out of range: " + bits);
        }
        this.mask = (1 << bits) - 1;
    }

    /** Fills {@code out} with the closed feature vector of {@code text}. */
    void extract(NormalizedText text, FeatureVector out) {
        out.clear();
        int previous = 0;
        for (int w = 0; w < text.words; w++) {
            int word = wordHash(text, w);
            if (!IdentityWords.contains(word)) {
                out.accept(bucket(word, WORD_SEED));
            }
            if (w > 0) {
                out.accept(bucket(previous * 31 + word, BIGRAM_SEED));
            }
            previous = word;
        }
        out.closeGroup(GROUP_LENGTH);
        for (int w = 0; w < text.words; w++) {
            if (!IdentityWords.contains(wordHash(text, w))) {
                charGrams(text, w, out);
            }
        }
        out.closeGroup(GROUP_LENGTH);
    }

    /**
     * Calls {@code sink} with every feature word {@code w} takes part in: its unigram, the bigrams it shares with
     * its neighbours and its char n-grams.
     */
    void featuresOfWord(NormalizedText text, int w, IntConsumer sink) {
        int word = wordHash(text, w);
        boolean identity = IdentityWords.contains(word);
        if (!identity) {
            sink.accept(bucket(word, WORD_SEED));
        }
        if (w > 0) {
            sink.accept(bucket(wordHash(text, w - 1) * 31 + word, BIGRAM_SEED));
        }
        if (w + 1 < text.words) {
            sink.accept(bucket(word * 31 + wordHash(text, w + 1), BIGRAM_SEED));
        }
        if (!identity) {
            charGrams(text, w, sink);
        }
    }

    private void charGrams(NormalizedText text, int w, IntConsumer sink) {
        char[] chars = text.chars;
        int first = text.wordStart[w] - 1;
        int last = text.wordEnd[w];
        for (int i = first; i < last; i++) {
            int hash = (FNV_OFFSET ^ chars[i]) * FNV_PRIME;
            int limit = Math.min(last, i + 4);
            for (int j = i + 1; j <= limit; j++) {
                hash = (hash ^ chars[j]) * FNV_PRIME;
                sink.accept(bucket(hash, j - i + 1));
            }
        }
    }

    /** The hash of a word as {@link #extract} computes it for a normalized word. */
    static int hash(String word) {
        int hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            hash = (hash ^ word.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static int wordHash(NormalizedText text, int w) {
        int hash = FNV_OFFSET;
        char[] chars = text.chars;
        for (int i = text.wordStart[w]; i < text.wordEnd[w]; i++) {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return hash;
    }

    private int bucket(int hash, int seed) {
        return mix(hash ^ seed * 0x9E3779B9) & mask;
    }

    /** The finalizer of MurmurHash3: spreads every input bit over the output. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
