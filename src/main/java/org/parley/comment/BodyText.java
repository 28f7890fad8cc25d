package org.parley.comment;

/**
 * What a comment body keeps of the characters it was sent with: every visible character, white space (tab, line
 * feed, carriage return) and the bidirectional isolates and marks that right-to-left writing needs, but not the
 * other control characters, and not the bidirectional embeddings and overrides (U+202A to U+202E). An override
 * draws the letters after it in the other order, so {@code U+202E} before a reversed insult shows the insult to
 * readers while the civility check reads the reversed letters; it has no use in a comment that an isolate (U+2066
 * to U+2069) or a mark does not serve. U+0000 never arrives: the API refuses it before a body is read.
 */
public final class BodyText {

    private BodyText() {
    }

    /** The body without the characters this class drops; the same string when there are none. */
    public static String neutralize(String body) {
        int first = firstDropped(body);
        if (first < 0) {
            return body;
        }
        StringBuilder kept = new StringBuilder(body.length());
        kept.append(body, 0, first);
        for (int i = first; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!isDropped(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int firstDropped(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (isDropped(body.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDropped(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c) || c >= '\u202A' && c <= '\u202E';
    }
}
