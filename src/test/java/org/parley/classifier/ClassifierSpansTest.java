package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spans of the shipped model point at the words the writer typed, however they were disguised. */
class ClassifierSpansTest {

    private static Classifier classifier;

    @BeforeAll
    static void load_the_shipped_model() {
        classifier = Classifier.loadDefault();
    }

    @Test
    void points_at_the_insult_in_the_original_text() {
        String text = "Thanks for nothing, you complete idiot.";

        assertThat(highlighted(text)).contains("idiot");
    }

    @Test
    void points_at_a_disguised_insult_as_typed() {
        String text = "Honestly you are an 1d\u200b10t.";

        assertThat(highlighted(text)).contains("1d\u200b10t");
    }

    @Test
    void points_at_spaced_letters_as_one_span() {
        String text = "The writer is an i d i o t, plain and simple.";

        assertThat(highlighted(text)).anyMatch(span -> span.contains("i d i o t"));
    }

    @Test
    void points_at_the_threat() {
        String text = "I will find you and kill you.";

        assertThat(classifier.classify(text).spans()).anyMatch(span -> span.category() == Category.AGGRESSIVE);
        assertThat(String.join(" ", highlighted(text))).contains("kill");
    }

    @Test
    void gives_no_spans_for_a_civil_comment() {
        Classification classification = classifier.classify("The council should publish the budget in full.");

        assertThat(classification.spans()).isEmpty();
    }

    @Test
    void keeps_every_span_inside_the_text() {
        String text = "\ud83d\ude21 f*ck you, m.o.r.o.n \u202e!!!";

        for (Span span : classifier.classify(text).spans()) {
            assertThat(span.start()).isBetween(0, text.length());
            assertThat(span.end()).isBetween(span.start(), text.length());
        }
    }

    private static List<String> highlighted(String text) {
        return classifier.classify(text).spans().stream()
                .map(span -> text.substring(span.start(), span.end()))
                .toList();
    }
}
