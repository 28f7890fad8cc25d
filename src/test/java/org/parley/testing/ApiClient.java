package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A real HTTP client for tests, one reader per instance: it keeps its own cookies, remembers the CSRF token that
 * sign-up and log-in hand out, and sends it on every state-changing request. Every answer of the server under test is held to the OpenAPI
 * document ({@link OpenApiContract}).
 */
public final class ApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private String bearer;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs up a reader whose password is "correct horse battery" and remembers the CSRF token. */
    public JsonNode signUp(String email, String displayName) {
        Response response = post("/api/v1/auth/signup",
                Map.of("email", email, "password", "correct horse battery", "displayName", displayName));
        if (response.status() != 201) {
            throw new AssertionError("sign-up failed: " + response);
        }
        return response.json().get("user");
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, Object body) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), "POST", body));
    }

    public Response patch(String path, Object body) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), "PATCH", body));
    }

    /** A PUT without a body. */
    public Response put(String path) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** A PUT with a JSON body. */
    public Response put(String path, Object body) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), "PUT", body));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Makes this client send {@code Authorization: Bearer TOKEN} on every request, as an integration does. */
    public ApiClient withBearer(String token) {
        bearer = token;
        return this;
    }

    /** Sends a request built by the test, adding the CSRF header when this client has a token. */
    public Response send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (csrf != null) {
            request.header("X-Parley-CSRF", csrf);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            if (isParley(built.uri())) { // not the stand-ins for other servers (an OpenID provider) tests call
                OpenApiContract.get().check(built.method(), built.uri().getRawPath(), answer);
            }
            JsonNode json = answer.jsonOrNull();
            if (json != null && json.hasNonNull("csrf")) {
                csrf = json.get("csrf").asText();
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a request goes to the Parley server under test (the one this client was made for). */
    private boolean isParley(URI target) {
        URI base = URI.create(baseUrl);
        return target.getScheme().equals(base.getScheme()) && target.getAuthority().equals(base.getAuthority());
    }

    /** This client's cookies as a Cookie header, for requests made with another HTTP client. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue()).toList());
    }

    /** Forgets the CSRF token, as a forged cross-site request would lack it. */
    public void forgetCsrf() {
        csrf = null;
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Percent-encodes a query value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] toJson(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Object body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
    }
}
