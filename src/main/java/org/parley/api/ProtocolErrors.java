package org.parley.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests that never reach Javalin, written as the API's JSON error instead of Jetty's HTML
 * page: headers over {@link #MAX_HEADER_BYTES} (431), a request line longer than that (414), HTTP that does not
 * parse (400). Javalin's own failures go through {@link Errors}.
 */
final class ProtocolErrors extends ErrorHandler {

    /** The most bytes of request line and headers Jetty reads (its default, stated here so the docs can cite it). */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    @Override
    protected void generateResponse(Request request, Response response, int status, String message,
            Throwable cause, Callback callback) {
        String code = switch (status) {
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "headers_too_large";
            case HttpStatus.URI_TOO_LONG_414 -> "uri_too_long";
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "request_too_large";
            case HttpStatus.BAD_REQUEST_400 -> "malformed_request";
            default -> "http_" + status;
        };
        String sentence = switch (status) {
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "The request's headers are larger than "
                    + MAX_HEADER_BYTES / 1024 + " KB.";
            case HttpStatus.URI_TOO_LONG_414 -> "The request's address is longer than " + MAX_HEADER_BYTES / 1024
                    + " KB.";
            default -> "The server could not handle this request (HTTP " + status + ").";
        };
        String json = "{\"error\":\"" + code + "\",\"message\":\"" + sentence + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
