package org.parley.classifier;

import java.util.List;

/** What the classifier says about one text: a score per category and the spans that drove the high ones. */
public record Classification(Scores scores, List<Span> spans) {

    public Classification {
        spans = List.copyOf(spans);
    }
}
