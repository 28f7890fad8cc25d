package org.parley.classifier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The per-character fold of the {@link Normalizer}: Unicode NFKC, lower case, accents removed, Cyrillic and Greek
 * look-alikes read as the Latin letters they imitate, invisible format characters (zero-width, bidi controls,
 * soft hyphen) dropped and every kind of space or control made a plain space.
 *
 * <p>Folding one char at a time differs from NFKC over a whole string only for combining sequences, whose marks
 * are dropped here anyway. The BMP is folded once into a table when the class loads; characters outside it
 * (mathematical alphanumerics, emoji) take a slower path that allocates.
 */
final class CharFolding {

    /** Marks a char whose fold is not a single char: see {@link #MULTI}. */
    private static final char SEE_MULTI = '\uFFFF';

    private static final String LOOK_ALIKES = "аa вb еe ёe кk мm нh оo рp сc тt уy хx ѕs іi їi јj ԁd ԛq ԝw ьb"
            + " αa βb γy εe ηn ιi κk νv οo ρp τt υu χx ωw ςc μu ıi";

    private static final char[] SINGLE = new char[65536];
    private static final String[] MULTI = new String[65536];

    static {
        char[] lookAlike = new char[65536];
        for (String pair : LOOK_ALIKES.split(" ")) {
            lookAlike[pair.charAt(0)] = pair.charAt(1);
        }
        for (int c = 0; c < 65536; c++) {
            String folded = fold((char) c, lookAlike);
            if (folded.length() == 1) {
                SINGLE[c] = folded.charAt(0);
            } else {
                SINGLE[c] = SEE_MULTI;
                MULTI[c] = folded;
            }
        }
    }

    private CharFolding() {
    }

    /**
     * Folds the code point starting at {@code text[index]} into {@code out}, recording its origin, and returns
     * how many chars of {@code text} it used.
     */
    static int fold(String text, int index, NormalizedText out) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1))) {
            String folded = foldSupplementary(text.codePointAt(index));
            for (int i = 0; i < folded.length(); i++) {
                out.appendFolded(folded.charAt(i), index, index + 2);
            }
            return 2;
        }
        char single = SINGLE[c];
        if (single != SEE_MULTI) {
            out.appendFolded(single, index, index + 1);
        } else {
            String folded = MULTI[c];
            for (int i = 0; i < folded.length(); i++) {
                out.appendFolded(folded.charAt(i), index, index + 1);
            }
        }
        return 1;
    }

    private static String fold(char c, char[] lookAlike) {
        if (Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
            return "";
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return " ";
        }
        if (c < 128) {
            return String.valueOf(Character.toLowerCase(c));
        }
        return foldString(String.valueOf(c), lookAlike);
    }

    private static String foldSupplementary(int codePoint) {
        String folded = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKC);
        if (folded.codePointCount(0, folded.length()) == 1 && folded.codePointAt(0) == codePoint) {
            return " "; // emoji and other symbols outside the BMP separate words
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            out.append(SINGLE[folded.charAt(i)] == SEE_MULTI ? MULTI[folded.charAt(i)] : SINGLE[folded.charAt(i)]);
        }
        return out.toString();
    }

    private static String foldString(String s, char[] lookAlike) {
        String compatible = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(compatible, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            int type = Character.getType(d);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(d) || Character.isSpaceChar(d)) {
                out.append(' ');
            } else if (d < 65536 && lookAlike[d] != 0) {
                out.append(lookAlike[d]);
            } else {
                out.append(d);
            }
        }
        return out.toString();
    }
}
