package org.parley.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.problem.Problem;

/**
 * The words of a moderator's search, cut from the raw text the way both indexes cut bodies: runs of letters,
 * digits and combining marks; everything else (quotes, hyphens, apostrophes, {@code *}, {@code :},
 * parentheses) only separates words. Operators are never operators here: {@code NEAR}, {@code AND}, {@code OR},
 * {@code NOT} are searched as the words they are, and each word is handed to the database as a quoted FTS5 string
 * or as plain text to {@code plainto_tsquery}, so no input can break either query syntax. All words must match.
 * Case is left to each database, which folds query words as it folds bodies (Java's folding of a Turkish İ
 * would differ from theirs). Immutable and thread-safe.
 */
public record SearchWords(List<String> words) {

    /** More words than this is a 400: no moderator's search needs them, and each costs an index lookup. */
    public static final int MAX_WORDS = 12;
    /** The longest search text accepted. */
    public static final int MAX_LENGTH = 200;

    public SearchWords {
        words = List.copyOf(words);
    }

    /** The words of {@code text}, none when it is null or holds no word; a 400 naming {@code q} when too long. */
    public static SearchWords of(String text) {
        if (text == null) {
            return new SearchWords(List.of());
        }
        if (text.length() > MAX_LENGTH) {
            throw Problem.invalid("q", "Search for at most " + MAX_LENGTH + " characters.");
        }
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(point -> {
            if (wordChar(point)) {
                word.appendCodePoint(point);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (words.size() > MAX_WORDS) {
            throw Problem.invalid("q", "Search for at most " + MAX_WORDS + " words.");
        }
        return new SearchWords(new ArrayList<>(words));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** An FTS5 query: every word a quoted string (quotes doubled, though words hold none), implicitly ANDed. */
    public String fts5() {
        StringBuilder query = new StringBuilder();
        for (String word : words) {
            query.append(query.isEmpty() ? "" : " ").append('"').append(word.replace("\"", "\"\"")).append('"');
        }
        return query.toString();
    }

    /** Text for PostgreSQL's {@code plainto_tsquery}, which ANDs the words and reads no operators. */
    public String plain() {
        return String.join(" ", words);
    }

    private static boolean wordChar(int point) {
        int type = Character.getType(point);
        return Character.isLetterOrDigit(point) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.PRIVATE_USE;
    }
}
