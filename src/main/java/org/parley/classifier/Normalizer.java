package org.parley.classifier;

/**
 * Reduces a comment to the words the model reads, undoing the common ways writers hide a word from a filter,
 * while every char keeps the range of the original text it came from (so spans point at what the writer typed).
 *
 * <p>In order: each character is folded ({@link CharFolding}: NFKC, lower case, accents, Cyrillic and Greek
 * look-alikes, invisible characters); mentions ({@code @name}), links, HTML entities and the placeholders tweet
 * corpora use ({@code <user>}, {@code URL}, {@code RT}) are dropped; letters written one by one with spaces or
 * dots between ({@code i d i o t}, {@code m.o.r.o.n}) are joined; inside a token that has letters, leetspeak
 * digits and symbols become letters ({@code 1d10t}, {@code $h1t}, {@code @ss}); masked letters ({@code f*ck},
 * {@code sh!t}) are filled in from {@link MaskedWords}; runs of three or more equal letters shrink to one
 * ({@code stuuupid}); apostrophes vanish ({@code don't} reads {@code dont}); anything else separates words.
 *
 * <p>Stateless and thread-safe: the caller passes the buffer to fill. Past 300 lines because the steps above are
 * one pass over shared buffers whose origin bookkeeping must agree; split up, each step would need its own copy.
 */
final class Normalizer {

    private Normalizer() {
    }

    /** Normalizes {@code text} into {@code out}, replacing what it held. */
    static void normalize(String text, NormalizedText out) {
        out.clear();
        for (int i = 0; i < text.length(); ) {
            i += CharFolding.fold(text, i, out);
        }
        char[] f = out.folded.chars;
        int n = out.folded.length;
        int i = 0;
        while (i < n) {
            if (f[i] == ' ') {
                i++;
                continue;
            }
            int end = tokenEnd(f, i, n);
            int spacedEnd = spacedLettersEnd(f, i, n);
            if (spacedEnd > 0) {
                emitSpacedLetters(out, i, spacedEnd);
                i = spacedEnd;
            } else {
                emitToken(out, i, end);
                i = end;
            }
        }
    }

    /** Normalizes into a fresh buffer: for tests and tools, not the hot path. */
    static NormalizedText normalize(String text) {
        NormalizedText out = new NormalizedText();
        normalize(text, out);
        return out;
    }

    private static int tokenEnd(char[] f, int start, int n) {
        int end = start;
        while (end < n && f[end] != ' ') {
            end++;
        }
        return end;
    }

    /**
     * If three or more one-char tokens (letters, leet digits or masks) follow each other with single spaces
     * between, returns where the last one ends; else 0.
     */
    private static int spacedLettersEnd(char[] f, int start, int n) {
        int count = 0;
        int letters = 0;
        int lastEnd = 0;
        int at = start;
        while (at < n && isSpelledChar(f[at]) && (at + 1 == n || f[at + 1] == ' ' || endsSentence(f, at + 1, n))) {
            count++;
            letters += Character.isLetter(f[at]) ? 1 : 0;
            lastEnd = at + 1;
            if (at + 2 < n && f[at + 1] == ' ' && f[at + 2] != ' ') {
                at += 2;
            } else {
                break;
            }
        }
        return count >= 3 && letters >= 2 ? lastEnd : 0;
    }

    /** Whether {@code f[at]} is punctuation that ends a token ({@code "i d i o t."}). */
    private static boolean endsSentence(char[] f, int at, int n) {
        char c = f[at];
        return (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':')
                && (at + 1 == n || f[at + 1] == ' ');
    }

    private static boolean isSpelledChar(char c) {
        return Character.isLetter(c) || leet(c) != 0 || c == '*';
    }

    private static void emitSpacedLetters(NormalizedText out, int start, int end) {
        char[] f = out.folded.chars;
        int wordStart = out.beginWord();
        for (int i = start; i < end; i += 2) {
            char c = f[i];
            out.append(Character.isLetter(c) ? c : c == '*' ? '*' : leet(c), out.folded.from[i], out.folded.to[i]);
        }
        finishWord(out, wordStart);
    }

    private static void emitToken(NormalizedText out, int start, int end) {
        char[] f = out.folded.chars;
        if (isDropped(f, start, end)) {
            return;
        }
        if (emitDotted(out, start, end)) {
            return;
        }
        int i = start;
        while (i < end) {
            if (f[i] == '&' && entityEnd(f, i, end) > 0) {
                i = entityEnd(f, i, end);
                continue;
            }
            if (!isWordChar(f[i])) {
                i++;
                continue;
            }
            int segmentEnd = i;
            while (segmentEnd < end && isWordChar(f[segmentEnd])) {
                segmentEnd++;
            }
            emitSegment(out, i, segmentEnd);
            i = segmentEnd;
        }
    }

    /** Mentions, links and corpus placeholders carry no civility signal, only the corpus they came from. */
    private static boolean isDropped(char[] f, int start, int end) {
        int length = end - start;
        if (f[start] == '@' && length > 4) {
            for (int i = start + 1; i < end; i++) {
                char c = f[i];
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == ':' || c == '.')) {
                    return false;
                }
            }
            return true;
        }
        return startsWith(f, start, end, "http") || startsWith(f, start, end, "www.")
                || startsWith(f, start, end, "<user>") || startsWith(f, start, end, "<number>")
                || startsWith(f, start, end, "<url>") || equalsWord(f, start, end, "url")
                || equalsWord(f, start, end, "rt") || equalsWord(f, start, end, "rt:");
    }

    private static boolean startsWith(char[] f, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (f[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsWord(char[] f, int start, int end, String word) {
        return end - start == word.length() && startsWith(f, start, end, word);
    }

    /** Where an HTML entity such as {@code &amp;} or {@code &#8220;} starting at {@code i} ends, or 0. */
    private static int entityEnd(char[] f, int i, int end) {
        for (int j = i + 1; j < end && j <= i + 9; j++) {
            if (f[j] == ';') {
                return j - i > 2 ? j + 1 : 0;
            }
            if (!(Character.isLetterOrDigit(f[j]) || f[j] == '#')) {
                return 0;
            }
        }
        return 0;
    }

    /** Joins letters written with one kind of separator between each ({@code m.o.r.o.n}, {@code f-u-c-k}). */
    private static boolean emitDotted(NormalizedText out, int start, int end) {
        char[] f = out.folded.chars;
        while (end > start && (f[end - 1] == '.' || f[end - 1] == ',' || f[end - 1] == '!' || f[end - 1] == '?')) {
            end--;
        }
        int length = end - start;
        if (length < 5 || length % 2 == 0) {
            return false;
        }
        char separator = f[start + 1];
        if (separator != '.' && separator != '-' && separator != '_') {
            return false;
        }
        int letters = 0;
        for (int i = start; i < end; i += 2) {
            if (!isSpelledChar(f[i]) || i + 1 < end && f[i + 1] != separator) {
                return false;
            }
            letters += Character.isLetter(f[i]) ? 1 : 0;
        }
        if (letters < 2) {
            return false;
        }
        int wordStart = out.beginWord();
        for (int i = start; i < end; i += 2) {
            char c = f[i];
            out.append(Character.isLetter(c) || c == '*' ? c : leet(c), out.folded.from[i], out.folded.to[i]);
        }
        finishWord(out, wordStart);
        return true;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || leet(c) != 0 || isMask(c) || c == '\'' || c == '’';
    }

    private static boolean isMask(char c) {
        return c == '*' || c == '#' || c == '!' || c == '%';
    }

    /** The letter a leetspeak char stands for, or 0. */
    static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '@' -> 'a';
            case '$' -> 's';
            default -> 0;
        };
    }

    /**
     * Emits one run of word chars: masks at the start and '!' or '%' at the end are punctuation; with at least
     * one letter, leet chars become letters and inner masks are filled in; apostrophes are dropped.
     */
    private static void emitSegment(NormalizedText out, int start, int end) {
        char[] f = out.folded.chars;
        while (start < end && (isMask(f[start]) || f[start] == '\'' || f[start] == '’')) {
            start++;
        }
        while (end > start && (f[end - 1] == '!' || f[end - 1] == '%' || f[end - 1] == '\'' || f[end - 1] == '’')) {
            end--;
        }
        boolean hasLetter = false;
        for (int i = start; i < end; i++) {
            if (Character.isLetter(f[i])) {
                hasLetter = true;
                break;
            }
        }
        int wordStart = out.beginWord();
        for (int i = start; i < end; i++) {
            char c = f[i];
            if (c == '\'' || c == '’') {
                continue;
            }
            if (Character.isLetter(c) || Character.isDigit(c) && (!hasLetter || leet(c) == 0)) {
                out.append(c, out.folded.from[i], out.folded.to[i]);
            } else if (hasLetter && isMask(c)) {
                out.append('*', out.folded.from[i], out.folded.to[i]);
            } else if (hasLetter && leet(c) != 0) {
                out.append(leet(c), out.folded.from[i], out.folded.to[i]);
            } else {
                finishWord(out, wordStart);
                wordStart = out.beginWord();
            }
        }
        finishWord(out, wordStart);
    }

    /** Fills in masks, shrinks stretched letters and closes the word that began at {@code wordStart}. */
    private static void finishWord(NormalizedText out, int wordStart) {
        char[] chars = out.chars;
        boolean masked = false;
        for (int i = wordStart; i < out.length; i++) {
            masked |= chars[i] == '*';
        }
        if (masked && !MaskedWords.unmask(chars, wordStart, out.length - wordStart)) {
            removeMasks(out, wordStart);
        }
        shrinkStretches(out, wordStart);
        out.endWord(wordStart);
    }

    private static void removeMasks(NormalizedText out, int wordStart) {
        int write = wordStart;
        for (int read = wordStart; read < out.length; read++) {
            if (out.chars[read] != '*') {
                move(out, read, write++);
            }
        }
        out.length = write;
    }

    /** Runs of three or more equal letters become one letter whose origin covers the whole run. */
    private static void shrinkStretches(NormalizedText out, int wordStart) {
        char[] chars = out.chars;
        int write = wordStart;
        int read = wordStart;
        while (read < out.length) {
            int run = read + 1;
            while (run < out.length && chars[run] == chars[read]) {
                run++;
            }
            if (run - read >= 3) {
                int runEnd = out.to[run - 1];
                move(out, read, write);
                out.to[write] = runEnd;
                write++;
            } else {
                for (int i = read; i < run; i++) {
                    move(out, i, write++);
                }
            }
            read = run;
        }
        out.length = write;
    }

    private static void move(NormalizedText out, int from, int to) {
        out.chars[to] = out.chars[from];
        out.from[to] = out.from[from];
        out.to[to] = out.to[from];
    }
}
