package org.parley.classifier;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the sentence behind a score that no single word explains (the sentence encoder's judgement of the whole):
 * each sentence is left out in turn, the text scored again, and the sentence whose absence lowers the category's
 * score the most is the span. A comment of one sentence is its own span. Costs one scoring per sentence, and runs
 * only for a category at its nudge band that the n-grams could not point at, so rarely.
 */
final class SentenceOcclusion {

    /** Comments with more sentences than this are not taken apart (the cost grows with each). */
    private static final int MAX_SENTENCES = 20;

    private SentenceOcclusion() {
    }

    static Optional<Span> find(String text, Category category, double score, Function<String, Scores> scorer) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int[] bounds = new int[MAX_SENTENCES + 1];
        int count = 0;
        bounds[0] = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            if (count == MAX_SENTENCES) {
                return Optional.empty();
            }
            bounds[++count] = end;
        }
        if (count == 0 || text.isBlank()) {
            return Optional.empty();
        }
        if (count == 1) {
            return Optional.of(trimmed(text, 0, text.length(), category));
        }
        int best = -1;
        double largestDrop = 0;
        for (int i = 0; i < count; i++) {
            String without = text.substring(0, bounds[i]) + text.substring(bounds[i + 1]);
            double drop = score - scorer.apply(without).get(category);
            if (drop > largestDrop) {
                largestDrop = drop;
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(trimmed(text, bounds[best], bounds[best + 1], category));
    }

    /** The span without the white space around it. */
    private static Span trimmed(String text, int start, int end, Category category) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end, category);
    }
}
