package org.parley.moderation;

import java.util.List;
import java.util.Map;
import org.parley.classifier.Span;

/**
 * The civility check's question to a writer: this probably breaks the guidelines, revise it or send it again as
 * it is. Nothing was stored; the API answers 422 {@code guideline_nudge} with the categories and spans.
 */
public final class GuidelineNudge extends RuntimeException {

    private final Map<String, Double> categories;
    private final List<Span> spans;

    public GuidelineNudge(String message, Map<String, Double> categories, List<Span> spans) {
        super(message, null, false, false);
        this.categories = Map.copyOf(categories);
        this.spans = List.copyOf(spans);
    }

    /** The categories over their nudge threshold, with their scores. */
    public Map<String, Double> categories() {
        return categories;
    }

    /** Where in the plain text the flagged words are. */
    public List<Span> spans() {
        return spans;
    }
}
