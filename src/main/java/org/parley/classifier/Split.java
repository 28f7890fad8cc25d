package org.parley.classifier;

/**
 * Which part of the data an example belongs to. A source's own test split stays test (OLID's official test set);
 * everything else is assigned by a hash of its text: 20% test, 10% dev, 70% train. Hashing the text rather than
 * the id keeps the split fixed across runs and machines and puts duplicate texts (present in
 * wiki_context_toxicity under two ids) on the same side.
 */
public enum Split {
    TRAIN,
    DEV,
    TEST;

    /** The split of an example, from its source split name (may be empty) and its text. */
    public static Split of(String sourceSplit, String text) {
        if ("test".equals(sourceSplit)) {
            return TEST;
        }
        int h = text.hashCode() * 0x9E3779B1;
        int bucket = Math.floorMod(h ^ h >>> 16, 10);
        return bucket < 2 ? TEST : bucket == 2 ? DEV : TRAIN;
    }
}
