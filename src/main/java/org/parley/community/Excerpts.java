package org.parley.community;

/** The start of a comment's text on one line, for lists that show many comments. Stateless. */
final class Excerpts {

    private Excerpts() {
    }

    /** The body with its whitespace folded, cut to at most {@code length} characters with an ellipsis. */
    static String of(String body, int length) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= length ? flat : flat.substring(0, length - 1) + "…";
    }
}
