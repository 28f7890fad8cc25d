package org.parley.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * A text's words after the classifier's normalization (case folding, confusables, leetspeak, masks, stretched and
 * spaced letters), each with the range of the original text it came from. Word lists use it, so that a banned
 * word is caught however it is disguised. Thread-safe.
 */
public final class Words {

    private Words() {
    }

    /** One normalized word and where it stands in the original text. */
    public record Word(String text, int start, int end) {
    }

    public static List<Word> of(String text) {
        NormalizedText normalized = Normalizer.normalize(text);
        List<Word> words = new ArrayList<>(normalized.words);
        for (int w = 0; w < normalized.words; w++) {
            words.add(new Word(normalized.word(w), normalized.originalStart(w), normalized.originalEnd(w)));
        }
        return words;
    }
}
