package org.parley.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one ObjectMapper of the HTTP layer: ISO-8601 times, and a request field the body does not declare refused
 * (a typo such as {@code bannedWord} would otherwise be dropped without a word; {@link Requests} answers it with
 * 400 {@code unknown_field}). Thread-safe once built, as Jackson's mappers are.
 *
 * <p>Reading is bounded on purpose: request bodies nest at most {@link #MAX_NESTING} levels (ours nest two or
 * three; Jackson's own default is 500 and a 64 KB body of {@code [} would reach it only after a long parse), and
 * no string may carry U+0000, which no form field needs and which PostgreSQL cannot store in text (it answered
 * such a comment with a 500 on PostgreSQL while SQLite stored it).
 */
public final class Json {

    /** The deepest nesting of arrays and objects a request body may have. */
    static final int MAX_NESTING = 32;

    private Json() {
    }

    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("parley-strings").addDeserializer(String.class, new NoNulStrings()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** Jackson's string reading, refusing U+0000 with an error that names the field (see the class comment). */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw context.weirdStringException(value, String.class, "it contains the character U+0000");
            }
            return value;
        }
    }
}
