package org.parley.classifier;

/**
 * The words a writer most often masks ({@code f*ck}, {@code sh!t}, {@code b#tch}), so that a masked token can be
 * read as the word it hides. A token matches a word of the same length whose letters agree wherever the token
 * shows a letter; the first match in list order wins, so more common words come first.
 */
final class MaskedWords {

    private static final char[][] WORDS = words(
            "fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "motherfucker", "shit", "shitty", "bullshit",
            "bitch", "bitches", "cunt", "dick", "dickhead", "cock", "pussy", "ass", "asshole", "arse", "bastard",
            "damn", "crap", "piss", "whore", "slut", "idiot", "idiots", "moron", "morons", "stupid", "dumb",
            "retard", "retarded", "twat", "wanker", "prick", "douche", "scum", "nigger", "niggers", "nigga",
            "faggot", "faggots", "fag", "kike", "spic", "chink", "tranny", "kill", "die", "hell");

    private MaskedWords() {
    }

    /**
     * Fills in the masked chars (written as {@code '*'}) of {@code token[start, start + length)} in place and
     * returns true, or returns false and leaves the token alone when no word fits.
     */
    static boolean unmask(char[] token, int start, int length) {
        for (char[] word : WORDS) {
            if (word.length == length && fits(word, token, start)) {
                System.arraycopy(word, 0, token, start, length);
                return true;
            }
        }
        return false;
    }

    private static boolean fits(char[] word, char[] token, int start) {
        int shown = 0;
        for (int i = 0; i < word.length; i++) {
            char c = token[start + i];
            if (c != '*') {
                if (c != word[i]) {
                    return false;
                }
                shown++;
            }
        }
        return shown > 0;
    }

    private static char[][] words(String... words) {
        char[][] result = new char[words.length][];
        for (int i = 0; i < words.length; i++) {
            result[i] = words[i].toCharArray();
        }
        return result;
    }
}
