package org.parley.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parley's OpenAPI document ({@code src/main/resources/web/api/openapi.json}, served at {@code /api/openapi.json})
 * as the test suite holds the server to it: every answer {@link ApiClient} and the security suites receive is
 * checked here against the operation its method and path name, and the status it has. An answer of a status the
 * operation does not list, of a media type it does not list, or a JSON body its schema refuses fails the test
 * with a message naming the place in the document to fix.
 *
 * <p>Schemas are compiled by the JSON Schema validator (draft 2020-12, the dialect of OpenAPI 3.1) the first time
 * an operation's status is met, and kept: a check costs a body parse and one validation. Requests to paths that
 * are no route (a 404 or 405) are held to the {@code Error} schema under {@code /api}. Thread-safe.
 */
public final class OpenApiContract {

    /** Where the document lives on the class path (the jar's {@code web/} folder). */
    public static final String RESOURCE = "web/api/openapi.json";

    private static final String FILE = "src/main/resources/" + RESOURCE;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    /** A path of the document, {@code /api/v1/comments/{id}}, as a pattern over request paths. */
    private record Template(String path, Pattern pattern, int literalSegments) {
        static Template of(String path) {
            String regex = Pattern.compile("\\{[^/}]+}").splitAsStream(path)
                    .map(Pattern::quote)
                    .reduce((a, b) -> a + "[^/]+" + b)
                    .orElse("");
            if (path.endsWith("}")) {
                regex += "[^/]+";
            }
            int literal = (int) java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count();
            return new Template(path, Pattern.compile(regex), literal);
        }
    }

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document is missing: " + FILE);
            }
            document = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.get("paths").propertyNames().forEach(path -> templates.add(Template.of(path)));
        // A path without parameters wins over a template that also matches (/account/verify, /account/{file}).
        templates.sort(Comparator.comparingInt(Template::literalSegments).reversed());
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** The document, as read from the class path. */
    public JsonNode document() {
        return document;
    }

    /**
     * Checks one answer against the document; throws an {@link AssertionError} saying what to describe or fix.
     * {@code target} is the request's path with its query, as sent.
     */
    public void check(String method, String target, Response response) {
        if (method.equals("HEAD") || method.equals("OPTIONS") && target.startsWith("/api/")
                && response.status() == 204 && response.body().length == 0) {
            return; // HEAD has no body to check; every path under /api answers a CORS pre-flight (see info)
        }
        String withoutQuery = target.replaceFirst("[?#].*$", "");
        // Javalin ignores a trailing slash: /admin/ is /admin.
        String path = withoutQuery.length() > 1 && withoutQuery.endsWith("/")
                ? withoutQuery.substring(0, withoutQuery.length() - 1) : withoutQuery;
        String where = method + " " + path + " answered " + response.status();
        Optional<Template> template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst();
        JsonNode operation = template.map(t -> document.get("paths").get(t.path()).get(method.toLowerCase(Locale.ROOT)))
                .orElse(null);
        String type = mediaType(response.header("Content-Type"));
        if (operation == null) {
            if (response.status() == 404 || response.status() == 405) {
                // No route: under /api the JSON error, elsewhere the server's plain page.
                if (path.startsWith("/api/") || "application/json".equals(type)) {
                    validate(where, "#/components/schemas/Error", response);
                }
                return;
            }
            throw new AssertionError(where + ", but the OpenAPI document (" + FILE + ") describes no such"
                    + " operation: add " + method.toLowerCase(Locale.ROOT) + " under paths."
                    + template.map(Template::path).orElse(path) + " (see docs/api.md, \"OpenAPI\").");
        }
        String operationPointer = "#/paths/" + escape(template.get().path()) + "/" + method.toLowerCase(Locale.ROOT);
        String status = Integer.toString(response.status());
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode described = operation.path("responses").get(status);
        if (described == null) {
            throw new AssertionError(where + ": " + response.text().strip() + "\nThe OpenAPI document (" + FILE
                    + ") lists no " + status + " for " + method + " " + template.get().path() + ": add responses."
                    + status + " to paths." + template.get().path() + "." + method.toLowerCase(Locale.ROOT) + ".");
        }
        while (described.has("$ref")) {
            responsePointer = described.get("$ref").asString();
            described = document.at(responsePointer.substring(1));
        }
        if (response.body().length == 0) {
            return;
        }
        JsonNode content = described.get("content");
        if (content == null || type == null || !content.has(type)) {
            throw new AssertionError(where + " with " + (type == null ? "no Content-Type" : type) + ", which "
                    + responsePointer + " in " + FILE + " does not list as its content.");
        }
        if (type.equals("application/json") && content.get(type).has("schema")) {
            validate(where, responsePointer + "/content/application~1json/schema", response);
        }
    }

    private void validate(String where, String pointer, Response response) {
        JsonNode body;
        try {
            body = MAPPER.readTree(decoded(response));
        } catch (RuntimeException e) {
            throw new AssertionError(where + " with a body that is not JSON: " + response.text());
        }
        Schema schema = compiled.computeIfAbsent(pointer,
                p -> registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + p)));
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder(where + ", a body that " + pointer + " in " + FILE
                    + " refuses:");
            errors.stream().limit(10).forEach(error -> message.append("\n  ").append(error));
            String text = response.text();
            message.append("\nbody: ").append(text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
            throw new AssertionError(message.toString());
        }
    }

    /** The body as sent before any {@code Content-Encoding: gzip}. */
    private static byte[] decoded(Response response) {
        if (!"gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
            return response.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("a gzip body that does not decompress", e);
        }
    }

    /** The media type of a Content-Type header, without parameters; null without one. */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** A path as one JSON Pointer token. */
    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
