package org.parley.account;

import java.text.Normalizer;
import org.parley.problem.Problem;

/**
 * The rule for display names, which sit beside every comment and so are what an impersonator works on: a name is
 * NFC-normalized, trimmed, its runs of spaces become one space, and it is refused (400 naming
 * {@code displayName}) when it is empty, longer than {@link #MAX_LENGTH}, or holds a character that is invisible or
 * turns text around: control characters, the bidirectional embeddings, overrides, isolates and marks (U+202A to
 * U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C), zero-width and other invisible characters (U+200B, U+2060 to
 * U+2064, U+FEFF, U+00AD, U+034F, U+180E, U+115F, U+1160, U+3164, U+FFA0) and the line and paragraph separators.
 * Refusing rather than silently stripping tells the reader why "Admin" plus a zero-width space is not theirs to
 * take. The joiners U+200C and U+200D stay allowed: Persian and Indic names and emoji sequences need them.
 */
public final class DisplayNames {

    public static final int MAX_LENGTH = 50;

    private DisplayNames() {
    }

    /** The name as stored, or a {@link Problem} saying why it is refused. */
    public static String check(String displayName) {
        String name = displayName == null ? "" : Normalizer.normalize(displayName, Normalizer.Form.NFC);
        name = name.strip();
        int refused = name.codePoints().filter(DisplayNames::isRefused).findFirst().orElse(-1);
        if (refused >= 0) {
            throw Problem.invalid("displayName", String.format("Display names cannot contain line breaks, tabs,"
                    + " invisible or direction-changing characters such as U+%04X; choose one of letters, digits"
                    + " and marks.", refused));
        }
        name = name.replaceAll("\\p{Zs}+", " ");
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw Problem.invalid("displayName", "Choose a display name of 1 to " + MAX_LENGTH + " characters.");
        }
        return name;
    }

    /**
     * A name someone else vouched for (an OpenID provider's claims), made to pass {@link #check}: refused characters
     * dropped, spaces collapsed, cut to {@link #MAX_LENGTH}; null when nothing is left.
     */
    public static String tidy(String given) {
        if (given == null) {
            return null;
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC).codePoints()
                .filter(c -> !isRefused(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().replaceAll("\\p{Zs}+", " ").strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return name.isEmpty() ? null : name;
    }

    private static boolean isRefused(int c) {
        if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (c == '\u200C' || c == '\u200D') {
            return false;
        }
        return Character.getType(c) == Character.FORMAT
                || c == '\u034F' || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0'
                || c == '\u180E' || c == '\u00AD';
    }
}
