package org.parley.classifier;

/**
 * A character range {@code [start, end)} of the original text that drove a category's score, for highlighting.
 * Offsets count UTF-16 chars of the text as it was given to {@link Classifier#classify(String)}.
 */
public record Span(int start, int end, Category category) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
