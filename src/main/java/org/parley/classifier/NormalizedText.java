package org.parley.classifier;

import java.util.Arrays;

/**
 * A text after {@link Normalizer}: its words in folded, de-obfuscated form, each char remembering the range of
 * the original text it came from. A reusable buffer: one per thread, grown as needed, never shrunk.
 */
final class NormalizedText {

    /** The words' chars, back to back. */
    char[] chars = new char[1024];
    /** For each char in {@link #chars}: where its source starts in the original text. */
    int[] from = new int[1024];
    /** For each char in {@link #chars}: where its source ends (exclusive) in the original text. */
    int[] to = new int[1024];
    int length;

    int[] wordStart = new int[256];
    int[] wordEnd = new int[256];
    int words;

    /** Scratch: the folded text before words are cut, with the same origin bookkeeping. */
    char[] folded = new char[1024];
    int[] foldedFrom = new int[1024];
    int[] foldedTo = new int[1024];
    int foldedLength;

    void clear() {
        length = 0;
        words = 0;
        foldedLength = 0;
    }

    void appendFolded(char c, int start, int end) {
        if (foldedLength == folded.length) {
            int size = folded.length * 2;
            folded = Arrays.copyOf(folded, size);
            foldedFrom = Arrays.copyOf(foldedFrom, size);
            foldedTo = Arrays.copyOf(foldedTo, size);
        }
        folded[foldedLength] = c;
        foldedFrom[foldedLength] = start;
        foldedTo[foldedLength] = end;
        foldedLength++;
    }

    void append(char c, int start, int end) {
        if (length == chars.length) {
            int size = chars.length * 2;
            chars = Arrays.copyOf(chars, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
        }
        chars[length] = c;
        from[length] = start;
        to[length] = end;
        length++;
    }

    /** Ends a word that began at {@code start}; an empty word is dropped. */
    void endWord(int start) {
        if (length == start) {
            return;
        }
        if (words == wordStart.length) {
            wordStart = Arrays.copyOf(wordStart, words * 2);
            wordEnd = Arrays.copyOf(wordEnd, words * 2);
        }
        wordStart[words] = start;
        wordEnd[words] = length;
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
