package org.parley.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

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
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.contains(etag))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        String acceptEncoding = ctx.header("Accept-Encoding");
        byte[] body = bytes;
        if (gzipped != null && acceptEncoding != null && acceptEncoding.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            body = gzipped;
        }
        write(ctx, body);
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
