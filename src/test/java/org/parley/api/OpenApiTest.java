package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.OpenApiContract;
import org.parley.testing.Response;
import org.parley.testing.TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, item 4: the OpenAPI document describes exactly the routes the server registers, is served at
 * {@code /api/openapi.json}, is valid by the OpenAPI Initiative's schema of 3.1 documents and holds together (every
 * reference resolves, every schema compiles, every path parameter is declared), and the check every test's answers go through ({@link OpenApiContract}) refuses what it does not
 * describe.
 */
class OpenApiTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    /** The CORS pre-flight answers any path under /api: the document says so in its description, not as a path. */
    private static final String PREFLIGHT = "OPTIONS /api/*";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head",
            "trace");

    private final JsonNode document = OpenApiContract.get().document();

    @Test
    void every_route_of_the_live_table_is_described_and_nothing_else() {
        Set<String> live = new TreeSet<>();
        for (var route : SERVER.server().routes()) {
            String name = route.method() + " " + route.path().replaceAll("<([^>]+)>", "{$1}");
            if (!name.equals(PREFLIGHT)) {
                live.add(name);
            }
        }
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (METHODS.contains(method)) {
                    described.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }

        Set<String> undescribed = new TreeSet<>(live);
        undescribed.removeAll(described);
        Set<String> extra = new TreeSet<>(described);
        extra.removeAll(live);
        assertThat(undescribed).as("routes the server registers that " + OpenApiContract.RESOURCE
                + " does not describe (docs/api.md, \"OpenAPI\", says how to add one)").isEmpty();
        assertThat(extra).as("operations of " + OpenApiContract.RESOURCE + " the server does not have").isEmpty();
    }

    @Test
    void the_document_is_served_to_anyone_and_cacheable() throws Exception {
        Response response = SERVER.client().get("/api/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(JsonMapper.builder().build().readTree(response.body())).isEqualTo(document);
        assertThat(document.get("openapi").asString()).startsWith("3.1.");

        Response again = SERVER.client().send(HttpRequest.newBuilder(SERVER.client().uri("/api/openapi.json"))
                .header("If-None-Match", response.header("ETag")).GET());
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void the_document_is_valid_by_the_official_schema_of_openapi_3_1() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema official;
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            official = registry.getSchema(in);
        }

        assertThat(official.validate(document)).isEmpty();
        JsonNode broken = document.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) broken.get("paths").get("/api/v1/me").get("get"))
                .remove("responses");
        ((tools.jackson.databind.node.ObjectNode) broken).put("openapi", "3.0.3");
        assertThat(official.validate(broken)).as("the official schema refuses a broken copy").isNotEmpty();
    }

    @Test
    void every_reference_resolves_and_every_schema_compiles() {
        List<String> broken = new ArrayList<>();
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^\"]+)\"").matcher(document.toString());
        Set<String> seen = new HashSet<>();
        while (refs.find()) {
            String ref = refs.group(1);
            if (seen.add(ref) && (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())) {
                broken.add("$ref " + ref + " leads nowhere");
            }
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
        for (String name : document.get("components").get("schemas").propertyNames()) {
            try {
                registry.getSchema(SchemaLocation.of("classpath:" + OpenApiContract.RESOURCE
                        + "#/components/schemas/" + name)).initializeValidators();
            } catch (RuntimeException e) {
                broken.add("schema " + name + ": " + e.getMessage());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_operation_declares_its_path_parameters_its_security_and_a_unique_id() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> schemes = new HashSet<>(document.get("components").get("securitySchemes").propertyNames());
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            Set<String> templated = new TreeSet<>();
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (names.find()) {
                templated.add(names.group(1));
            }
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String where = entry.getKey() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                Set<String> declared = new TreeSet<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode resolved = parameter.has("$ref")
                            ? document.at(parameter.get("$ref").asString().substring(1)) : parameter;
                    if (resolved.path("in").asString().equals("path")) {
                        declared.add(resolved.get("name").asString());
                    }
                }
                if (!declared.equals(templated)) {
                    wrong.add(where + ": path parameters " + declared + ", template " + templated);
                }
                if (!ids.add(operation.path("operationId").asString())) {
                    wrong.add(where + ": operationId missing or taken");
                }
                if (!operation.has("security") || operation.path("responses").isEmpty()) {
                    wrong.add(where + ": no security or no responses");
                }
                for (JsonNode requirement : operation.path("security")) {
                    requirement.propertyNames().stream().filter(scheme -> !schemes.contains(scheme))
                            .forEach(scheme -> wrong.add(where + ": unknown security scheme " + scheme));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_answer_the_document_does_not_describe_fails_naming_what_to_add() {
        OpenApiContract contract = OpenApiContract.get();
        Response teapot = json(418, "{\"error\": \"teapot\", \"message\": \"I am a teapot.\"}");
        Response wrongShape = json(200, "{\"user\": 1, \"csrf\": \"x\", \"warning\": null}");
        Response unknownField = json(404, "{\"error\": \"x\", \"message\": \"y\", \"hint\": \"z\"}");

        assertThatThrownBy(() -> contract.check("GET", "/api/v1/me", teapot))
                .hasMessageContaining("lists no 418").hasMessageContaining("add responses.418 to paths./api/v1/me.get");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/me", wrongShape))
                .hasMessageContaining("refuses").hasMessageContaining("user");
        assertThatThrownBy(() -> contract.check("DELETE", "/api/v1/comments/c1", unknownField))
                .hasMessageContaining("hint");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/no-such-route", json(200, "{}")))
                .hasMessageContaining("describes no such operation");
        contract.check("GET", "/api/v1/comments/c1/statement?x=1", json(404,
                "{\"error\": \"comment_not_found\", \"message\": \"There is no such comment.\"}"));
    }

    private static Response json(int status, String body) {
        return new Response(status, Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
