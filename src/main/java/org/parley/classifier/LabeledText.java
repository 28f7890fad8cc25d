package org.parley.classifier;

/**
 * One example for training or evaluation: a text, its label per {@link Category} ({@link #UNKNOWN}, 0 or 1, by
 * ordinal), the data set it came from, the split its source put it in (may be empty) and our {@link Split}.
 */
public record LabeledText(String source, String text, byte[] labels, String sourceSplit, Split split) {

    /** The label of a category the data set does not give. */
    public static final byte UNKNOWN = -1;

    public LabeledText {
        if (labels.length != Category.COUNT) {
            throw new IllegalArgumentException("need one label per category");
        }
        labels = labels.clone();
    }

    /** The label for a category: {@link #UNKNOWN}, 0 or 1. */
    public byte label(Category category) {
        return labels[category.ordinal()];
    }

    /**
     * The labels with what they imply filled in: a text that is not uncivil is none of the four categories, and a
     * text in any category is uncivil. One label is weakened: {@code rude = 0} on an uncivil text becomes unknown,
     * because the sets that say it (OLID's hierarchy puts every targeted insult under not-rude; the span annotators
     * of Civil Comments picked one type per span) mark profane insults as not rude. Only labels still unknown after
     * that are masked out of the loss.
     */
    public byte[] impliedLabels() {
        byte[] implied = labels.clone();
        int uncivil = Category.UNCIVIL.ordinal();
        int rude = Category.RUDE.ordinal();
        for (int c = 0; c < uncivil; c++) {
            if (implied[c] == 1 && implied[uncivil] == UNKNOWN) {
                implied[uncivil] = 1;
            }
        }
        if (implied[uncivil] == 1 && implied[rude] == 0) {
            implied[rude] = UNKNOWN;
        }
        if (implied[uncivil] == 0) {
            for (int c = 0; c < uncivil; c++) {
                if (implied[c] == UNKNOWN) {
                    implied[c] = 0;
                }
            }
        }
        return implied;
    }
}
