package org.parley.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.parley.problem.Problem;

/**
 * An opaque pagination cursor: the sort key of the last item a page returned, so the next page starts after it.
 *
 * <p>Encoding: the values joined by the unit separator (U+001F) and written as URL-safe Base64 without padding.
 * Values are plain keys (numbers, ids) and never hold the separator; clients must treat the cursor as opaque.
 * Decoding is strict, since cursors come back from clients: more than {@link #MAX_ENCODED_LENGTH} characters,
 * anything but URL-safe Base64, bytes that are not UTF-8 or the wrong number of values is a 400 naming the
 * {@code cursor} field, and so is a value read as a number that is not one. {@code CursorPropertiesTest} checks
 * that any string decodes to a cursor or to that 400, and that every cursor survives a round trip.
 */
public record Cursor(List<String> values) {

    /** Longer than any cursor this server writes (a few keys of at most a few dozen characters). */
    public static final int MAX_ENCODED_LENGTH = 512;
    private static final String SEPARATOR = "\u001f";

    public Cursor {
        values = List.copyOf(values);
        if (values.isEmpty() || values.stream().anyMatch(value -> value.contains(SEPARATOR))) {
            throw new IllegalArgumentException("a cursor holds one value or more, none with U+001F");
        }
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The usual keyset cursor: null for none (the first page), else {@code size} values of which all but the last
     * (an id) are numbers; a 400 naming {@code cursor} otherwise.
     */
    public static Cursor decodeKeys(String encoded, int size) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        Cursor after = decode(encoded, size);
        for (int i = 0; i < size - 1; i++) {
            after.getLong(i);
        }
        return after;
    }

    /** Decodes a cursor that must hold exactly {@code size} values. */
    public static Cursor decode(String encoded, int size) {
        if (encoded == null || encoded.length() > MAX_ENCODED_LENGTH) {
            throw notOurs();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded)))
                    .toString();
            List<String> values = Arrays.asList(text.split(SEPARATOR, -1));
            if (values.size() != size) {
                throw notOurs();
            }
            return new Cursor(values);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notOurs();
        }
    }

    public String get(int index) {
        return values.get(index);
    }

    public long getLong(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    private static Problem notOurs() {
        return Problem.invalid("cursor", "The cursor is not one this server handed out.");
    }
}
