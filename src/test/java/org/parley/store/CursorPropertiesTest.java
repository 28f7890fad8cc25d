package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.parley.problem.Problem;

/**
 * Properties of the pagination cursor codec: every cursor survives encoding, and whatever string a client sends
 * back decodes to a cursor of the asked size or to the 400 that names {@code cursor}, never another exception.
 */
class CursorPropertiesTest {

    @Property(tries = 1000)
    void a_cursor_decodes_to_itself(@ForAll("cursorValues") List<String> values) {
        Cursor cursor = new Cursor(values);
        assertThat(Cursor.decode(cursor.encode(), values.size())).isEqualTo(cursor);
    }

    @Property(tries = 1000)
    void any_string_decodes_to_a_cursor_or_a_clear_problem(@ForAll("clientStrings") String sent,
            @ForAll @IntRange(min = 1, max = 4) int size) {
        Throwable failure = catchThrowable(() -> {
            Cursor cursor = Cursor.decode(sent, size);
            assertThat(cursor.values()).hasSize(size);
            for (int i = 0; i < size; i++) {
                readAsNumber(cursor, i);
            }
        });
        if (failure != null) {
            assertThat(failure).isInstanceOf(Problem.class);
            assertThat(((Problem) failure).field()).isEqualTo("cursor");
        }
    }

    private static void readAsNumber(Cursor cursor, int index) {
        try {
            cursor.getLong(index);
        } catch (Problem notANumber) {
            assertThat(notANumber.field()).isEqualTo("cursor");
        }
    }

    @Provide
    Arbitrary<List<String>> cursorValues() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.longs().map(number -> Long.toString(number)),
                Arbitraries.strings().withCharRange('\u0000', '\u001e').withCharRange('\u0020', '\ud7ff')
                        .withCharRange('\ue000', '\uffff').ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_').ofLength(16));
        return value.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Strings as clients send them: anything, Base64-looking text, and encodings of near-valid cursors. */
    @Provide
    Arbitrary<String> clientStrings() {
        Arbitrary<String> base64ish = Arbitraries.strings()
                .withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '_', '=', '+', '/')
                .ofMaxLength(700);
        Arbitrary<String> encodedText = Arbitraries.strings().ofMaxLength(200)
                .map(text -> base64(text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> encodedBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(120)
                .map(CursorPropertiesTest::base64);
        Arbitrary<String> nearlyValid = Combinators.combine(Arbitraries.longs(), Arbitraries.strings().ofMaxLength(20),
                Arbitraries.integers().between(1, 5)).as((number, id, parts) -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString((number + "\u001f" + id + "\u001f".repeat(parts - 1))
                        .getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(100), base64ish, encodedText, encodedBytes,
                nearlyValid);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
