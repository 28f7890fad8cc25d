package org.parley.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;

/**
 * Reads request bodies and parameters under the API's rules: JSON only, at most 64 KB, no field the endpoint does
 * not declare (400 {@code unknown_field}, named), clear errors. Thread-safe: it holds only the shared mapper.
 */
final class Requests {

    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The most bytes of an oversized body read and dropped so that its sender reliably gets the 413. */
    static final int DRAIN_LIMIT_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;

    Requests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON body as {@code type}; 415 when it is not JSON, 413 when too large, 400 when malformed. */
    <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the body as JSON, with Content-Type: application/json.");
        }
        byte[] bytes = readLimited(ctx);
        if (bytes.length == 0) {
            throw new Problem(ProblemKind.INVALID, "empty_body", "The request needs a JSON body.");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new Problem(ProblemKind.INVALID, "empty_body", "The request needs a JSON object.");
            }
            return value;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** A body that must be a JSON object, as a tree, for a handler that reads it as more than one type. */
    ObjectNode object(Context ctx) {
        JsonNode node = body(ctx, JsonNode.class);
        if (node.isNull()) {
            throw new Problem(ProblemKind.INVALID, "empty_body", "The request needs a JSON object.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new Problem(ProblemKind.INVALID, "malformed_json",
                    "The request body was refused: it is not valid JSON for this endpoint.", null);
        }
        return object;
    }

    /**
     * A body that must be a JSON object whose every field is a component of one of {@code parts} (records read from
     * the same flat object, each with {@link #convertPart}); any other field is the 400 {@code unknown_field}.
     */
    @SafeVarargs
    final ObjectNode object(Context ctx, Class<? extends Record>... parts) {
        ObjectNode object = object(ctx);
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (Class<? extends Record> part : parts) {
            for (java.lang.reflect.RecordComponent component : part.getRecordComponents()) {
                known.add(component.getName());
            }
        }
        object.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw unknownField(field, known);
            }
        });
        return object;
    }

    /** One of the records a flat body of several parts is read as ({@link #object(Context, Class[])}). */
    <T> T convertPart(JsonNode body, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** A body read as a tree, seen as another type; a value of the wrong kind is the same 400 as in {@link #body}. */
    <T> T convert(JsonNode body, Class<T> type) {
        try {
            return mapper.treeToValue(body, type);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    <T> T convert(JsonNode body, TypeReference<T> type) {
        try {
            return mapper.treeToValue(body, mapper.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * The 400 for a body Jackson would not read, saying why when that helps the caller: nesting too deep, bytes
     * that are not UTF-8, or which field held a value of the wrong kind.
     */
    private static Problem malformed(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            java.util.Set<String> known = new java.util.TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(id.toString()));
            return unknownField(unknown.getPropertyName(), known);
        }
        String field = null;
        String reason = "it is not valid JSON for this endpoint";
        if (e instanceof StreamConstraintsException) {
            reason = "it nests arrays or objects more than " + Json.MAX_NESTING + " levels deep";
        } else if (e instanceof CharConversionException
                || e.getMessage() != null && e.getMessage().contains("Invalid UTF-8")) {
            reason = "it is not valid UTF-8";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() != null) {
            field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            reason = e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                    ? "the field '" + field + "' contains the character U+0000"
                    : "the field '" + field + "' does not hold the kind of value it takes";
        }
        return new Problem(ProblemKind.INVALID, "malformed_json", "The request body was refused: " + reason + ".",
                field);
    }

    /**
     * The one answer to a body field the endpoint does not declare, for every endpoint: 400 {@code unknown_field}
     * naming it and the fields it takes, so a typo is seen at once instead of being dropped.
     */
    private static Problem unknownField(String field, java.util.Collection<String> known) {
        return new Problem(ProblemKind.INVALID, "unknown_field", "The request body was refused: this endpoint has"
                + " no field '" + field + "'" + (known.isEmpty() ? "" : " (it takes " + String.join(", ", known) + ")")
                + ".", field);
    }

    /**
     * Refuses a query string carrying U+0000 (as {@code %00}) with a 400 naming the parameter: no parameter needs
     * it, and PostgreSQL cannot compare or store it (a thread read with {@code site=%00} was a 500 there).
     */
    static void refuseNulInQuery(Context ctx) {
        String query = ctx.queryString();
        if (query == null || !query.contains("%00")) {
            return;
        }
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw Problem.invalid(name.replace("\0", ""), "The query parameter '" + name.replace("\0", "")
                        + "' contains the character U+0000, which no parameter takes.");
            }
        });
    }

    /** A required, non-blank query parameter. */
    static String requiredQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw Problem.invalid(name, "The query parameter '" + name + "' is required.");
        }
        return value;
    }

    static int intQuery(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Problem.invalid(name, "The query parameter '" + name + "' must be a whole number.");
        }
    }

    private static byte[] readLimited(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > MAX_BODY_BYTES) {
                throw tooLarge(in, declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                total += read;
                if (total > MAX_BODY_BYTES) {
                    throw tooLarge(in, declared);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The 413, after reading and dropping the rest of a body of up to {@link #DRAIN_LIMIT_BYTES}. A client is
     * usually still sending when the server decides; were the server to answer and close at once, the client's
     * unread bytes would make the kernel reset the connection, and the client would see a broken pipe instead of
     * the 413. Past the limit, the connection is closed unread: that much is not worth reading to say no.
     */
    private static Problem tooLarge(InputStream in, long declared) throws IOException {
        if (declared <= DRAIN_LIMIT_BYTES) {
            byte[] buffer = new byte[8192];
            long drained = 0;
            for (int read = in.read(buffer); read != -1 && drained <= DRAIN_LIMIT_BYTES; read = in.read(buffer)) {
                drained += read;
            }
        }
        return tooLarge();
    }

    private static Problem tooLarge() {
        return new Problem(ProblemKind.TOO_LARGE, "request_too_large",
                "Request bodies can be at most " + MAX_BODY_BYTES / 1024 + " KB.");
    }
}
