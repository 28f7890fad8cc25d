package org.parley.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.parley.problem.Problem;

/**
 * An opaque pagination cursor: the sort key of the last item a page returned, so the next page starts after it.
 *
 * <p>Encoding: the values joined by the unit separator (U+001F) and written as URL-safe Base64 without padding.
 * Values are plain keys (numbers, ids); clients must treat the cursor as opaque. A cursor that does not decode to
 * the expected number of values is a 400 naming the {@code cursor} field.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that must hold exactly {@code size} values. */
    public static Cursor decode(String encoded, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> values = Arrays.asList(text.split(SEPARATOR, -1));
            if (values.size() != size) {
                throw new IllegalArgumentException("wrong size");
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("cursor", "The cursor is not one this server handed out.");
        }
    }

    public String get(int index) {
        return values.get(index);
    }

    public long getLong(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            throw Problem.invalid("cursor", "The cursor is not one this server handed out.");
        }
    }
}
