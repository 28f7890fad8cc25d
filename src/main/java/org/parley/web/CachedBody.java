package org.parley.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response body prepared once and sent many times: its bytes, a gzip copy when that is worth it, and a strong
 * ETag from its content. Sending it answers {@code If-None-Match} with 304 and {@code Accept-Encoding: gzip} with
 * the compressed copy, so a hot response costs no serialization and no compression per request.
 *
 * @param tag what the body belongs to (a story id for thread pages), for invalidation
 */
public record CachedBody(byte[] bytes, byte[] gzipped, String etag, String contentType, String tag) {

    private static final int COMPRESS_FROM_BYTES = 1024;

    public static CachedBody of(byte[] bytes, String contentType, String tag) {
        byte[] gzipped = bytes.length >= COMPRESS_FROM_BYTES ? gzip(bytes) : null;
        return new CachedBody(bytes, gzipped, etagOf(bytes), contentType, tag);
    }

    public static CachedBody ofText(String text, String contentType) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    /** Sends the body (or 304) with the given Cache-Control. */
    public void send(Context ctx, String cacheControl) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        if (gzipped != null) {
            ctx.res().addHeader("Vary", "Accept-Encoding");
        }
        if (notModified(ctx.header("If-None-Match"))) {
            ctx.res().setContentType(null); // no body, so not Javalin's default text/plain
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        byte[] body = bytes;
        if (gzipFor(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            body = gzipped;
        }
        write(ctx, body);
    }

    /**
     * Sends the same answer as {@link #send(Context, String)} to a request that Jetty hands over directly, without
     * the servlet layer; completes {@code callback}.
     *
     * @return the status sent, 200 or 304
     */
    public int send(Request request, Response response, Callback callback, String cacheControl) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("ETag", etag);
        headers.put("Cache-Control", cacheControl);
        if (gzipped != null) {
            headers.add("Vary", "Accept-Encoding");
        }
        if (notModified(request.getHeaders().get("If-None-Match"))) {
            response.setStatus(304);
            callback.succeeded();
            return 304;
        }
        headers.put("Content-Type", contentType);
        byte[] body = bytes;
        if (gzipFor(request.getHeaders().get("Accept-Encoding"))) {
            headers.put("Content-Encoding", "gzip");
            body = gzipped;
        }
        headers.put("Content-Length", body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return 200;
    }

    private boolean notModified(String ifNoneMatch) {
        return ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.contains(etag));
    }

    private boolean gzipFor(String acceptEncoding) {
        return gzipped != null && acceptEncoding != null && acceptEncoding.contains("gzip");
    }

    /**
     * Writes the body straight to the servlet stream in one call with its Content-Length: the server then sends
     * headers and body together and completes the response, where {@code ctx.result} would copy it in chunks
     * through Javalin's compression wrapper with chunked transfer encoding.
     */
    private static void write(Context ctx, byte[] body) {
        ctx.res().setContentLength(body.length);
        try {
            ctx.res().getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
