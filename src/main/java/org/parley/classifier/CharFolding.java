package org.parley.classifier;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The per-character fold of the {@link Normalizer}: Unicode NFKC, lower case, accents removed, Cyrillic and Greek
 * look-alikes read as the Latin letters they imitate, invisible format characters (zero-width, bidi controls,
 * soft hyphen) dropped and every kind of space or control made a plain space.
 *
 * <p>Folding one char at a time differs from NFKC over a whole string only for combining sequences, whose marks
 * are dropped here anyway. ASCII is folded into a table when the class loads and every other BMP char the first
 * time it is seen (folding all 65,536 up front would cost a third of a second at start-up); racing threads may
 * both fold a char, and write the same answer. Characters outside the BMP (mathematical alphanumerics, emoji) take
 * a slower path that allocates.
 */
final class CharFolding {

    /** Marks a char whose fold is not a single char: see {@link #MULTI}. */
    private static final char SEE_MULTI = '\uFFFF';
    /** Marks a char not folded yet. */
    private static final char UNSEEN = '\uFFFE';

    private static final String LOOK_ALIKES = "аa вb еe ёe кk мm нh оo рp сc тt уy хx ѕs іi їi јj ԁd ԛq ԝw ьb"
            + " αa βb γy εe ηn ιi κk νv οo ρp τt υu χx ωw ςc μu ıi";

    private static final char[] SINGLE = new char[65536];
    private static final String[] MULTI = new String[65536];

    private static final char[] LOOK_ALIKE = new char[65536];

    static {
        for (String pair : LOOK_ALIKES.split(" ")) {
            LOOK_ALIKE[pair.charAt(0)] = pair.charAt(1);
        }
        java.util.Arrays.fill(SINGLE, UNSEEN);
        for (char c = 0; c < 128; c++) {
            learn(c);
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
                out.folded.append(folded.charAt(i), index, index + 2);
            }
            return 2;
        }
        char single = SINGLE[c];
        if (single == UNSEEN) {
            single = learn(c);
        }
        String folded = single == SEE_MULTI ? MULTI[c] : null;
        if (single != SEE_MULTI) {
            out.folded.append(single, index, index + 1);
        } else {
            if (folded == null) {
                folded = fold(c, LOOK_ALIKE);
            }
            for (int i = 0; i < folded.length(); i++) {
                out.folded.append(folded.charAt(i), index, index + 1);
            }
        }
        return 1;
    }

    /** Folds a char into the tables and returns its entry in {@link #SINGLE}. */
    private static char learn(char c) {
        String folded = fold(c, LOOK_ALIKE);
        if (folded.length() == 1 && folded.charAt(0) != UNSEEN && folded.charAt(0) != SEE_MULTI) {
            SINGLE[c] = folded.charAt(0);
        } else {
            MULTI[c] = folded;
            SINGLE[c] = SEE_MULTI;
        }
        return SINGLE[c];
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
            out.append(foldString(String.valueOf(folded.charAt(i)), LOOK_ALIKE));
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
