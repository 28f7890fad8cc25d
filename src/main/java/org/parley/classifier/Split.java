package org.parley.classifier;

/**
 * Which part of the data an example belongs to. A source's own test split stays test (OLID's official test set), as
 * does wiki_context_toxicity's {@code out_of_context} half (the half whose labels Perspective's published ROC-AUC
 * refers to), and a source's own validation split is dev; rows of a source's train split go 90% train, 10% dev; rows
 * of a source without splits go 70% train, 10% dev, 20% test. Within a split the side is chosen by a hash of the text.
 * Hashing the text rather than the id keeps the split fixed across runs and machines and puts duplicate texts (present
 * in wiki_context_toxicity under two ids) on the same side.
 */
public enum Split {
    TRAIN,
    DEV,
    TEST;

    /** The split of an example, from its source split name (may be empty) and its text. */
    public static Split of(String sourceSplit, String text) {
        if ("test".equals(sourceSplit) || "out_of_context".equals(sourceSplit)) {
            return TEST;
        }
        if ("val".equals(sourceSplit) || "dev".equals(sourceSplit)) {
            return DEV;
        }
        int h = text.hashCode() * 0x9E3779B1;
        int bucket = Math.floorMod(h ^ h >>> 16, 10);
        if ("train".equals(sourceSplit)) {
            return bucket == 2 ? DEV : TRAIN;
        }
        return bucket < 2 ? TEST : bucket == 2 ? DEV : TRAIN;
    }
}
