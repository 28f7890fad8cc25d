package org.parley.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.parley.testing.OpenApiContract;
import org.parley.testing.Response;

/**
 * One way of calling the API, as the security suites compare them: signed out, with a session cookie (and its CSRF
 * token, which a forged request lacks), or with an API token. Requests go over real HTTP without a cookie jar, so
 * each caller sends exactly the credentials it names. Bodies of live streams are not read: their headers tell the
 * status. Every answer is held to the OpenAPI document ({@link OpenApiContract}). Thread-safe.
 */
record Caller(String name, String cookie, String csrf, String bearer, String forwardedFor) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static Caller signedOut() {
        return new Caller("signed out", null, null, null, null);
    }

    static Caller token(String name, String token) {
        return new Caller(name, null, null, token, null);
    }

    /** Logs in over HTTP and keeps the session cookie and CSRF token it hands out. */
    static Caller logIn(String name, String baseUrl, String email, String password) {
        Response response = signedOut().send(baseUrl, "POST", "/api/v1/auth/login",
                Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("log-in of " + email + " failed: " + response);
        }
        return new Caller(name, sessionCookie(response), response.json().get("csrf").asText(), null, null);
    }

    /** The {@code parley_session=…} pair a response sets, or null. */
    static String sessionCookie(Response response) {
        return response.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(entry -> entry.getValue().stream())
                .filter(value -> value.startsWith("parley_session="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    /** The same session without its CSRF token, as a request forged by another site would come. */
    Caller withoutCsrf() {
        return new Caller(name + " without CSRF header", cookie, null, bearer, forwardedFor);
    }

    /** The same caller behind a trusted proxy that names {@code ip} as the client (X-Forwarded-For). */
    Caller from(String ip) {
        return new Caller(name, cookie, csrf, bearer, ip);
    }

    /** A caller with just this session cookie (e.g. one an attacker planted), and no CSRF token. */
    static Caller withCookie(String cookie) {
        return new Caller("cookie " + cookie, cookie, null, null, null);
    }

    Response send(String baseUrl, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header("X-Parley-CSRF", csrf);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("text/event-stream");
                bytes = stream ? new byte[0] : in.readAllBytes();
            }
            Response answer = new Response(response.statusCode(), response.headers().map(), bytes);
            OpenApiContract.get().check(method, URI.create(path).getRawPath(), answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode sendOk(String baseUrl, String method, String path, Object body) {
        Response response = send(baseUrl, method, path, body);
        if (response.status() / 100 != 2) {
            throw new AssertionError(name + ": " + method + " " + path + " failed: " + response);
        }
        return response.body().length == 0 ? null : response.json();
    }

    private static byte[] json(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static List<String> names(List<Caller> callers) {
        return callers.stream().map(Caller::name).toList();
    }
}
