package org.parley.classifier;

import java.util.Arrays;

/**
 * A text after {@link Normalizer}: its words in folded, de-obfuscated form, back to back in the inherited chars, each
 * char remembering the range of the original text it came from. A reusable buffer: one per thread, grown as needed,
 * never shrunk.
 *
 * <p>In {@link #chars} each word is wrapped in the boundary marks {@code <} and {@code >} that {@link Features} uses
 * for char n-grams, so the hot loop reads them without branching; {@link #wordStart} and {@link #wordEnd} exclude the
 * marks.
 */
final class NormalizedText extends TrackedChars {

    int[] wordStart = new int[256];
    int[] wordEnd = new int[256];
    int words;

    /** Scratch: the folded text before words are cut, with the same origin bookkeeping. */
    final TrackedChars folded = new TrackedChars();

    void clear() {
        length = 0;
        words = 0;
        folded.length = 0;
    }

    /** Opens a word: writes its start mark and returns where its first char will go. */
    int beginWord() {
        append('<', 0, 0);
        return length;
    }

    /** Ends a word that began at {@code start} (as {@link #beginWord()} returned); an empty word is dropped. */
    void endWord(int start) {
        if (length == start) {
            length = start - 1;
            return;
        }
        int end = length;
        append('>', 0, 0);
        if (words == wordStart.length) {
            wordStart = Arrays.copyOf(wordStart, words * 2);
            wordEnd = Arrays.copyOf(wordEnd, words * 2);
        }
        wordStart[words] = start;
        wordEnd[words] = end;
        words++;
    }

    /** Where word {@code w} starts in the original text. */
    int originalStart(int w) {
        return from[wordStart[w]];
    }

    /** Where word {@code w} ends (exclusive) in the original text. */
    int originalEnd(int w) {
        return to[wordEnd[w] - 1];
    }

    String word(int w) {
        return new String(chars, wordStart[w], wordEnd[w] - wordStart[w]);
    }

    /** The words joined by single spaces: for tests and debugging. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(chars, wordStart[w], wordEnd[w] - wordStart[w]);
        }
        return text.toString();
    }
}
