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
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response body prepared once and sent many times: its bytes, a gzip copy when that is worth it, and a strong
 * ETag from its content. Sending it answers {@code If-None-Match} with 304 and {@code Accept-Encoding: gzip} with
 * the compressed copy, so a hot response costs no serialization and no compression per request.
 *
 * <p>For the answer sent straight from Jetty ({@link #send(Request, Response, Callback, HttpField)}) the headers
 * are kept already encoded as HTTP/1 bytes, and the bodies as read-only direct buffers, made on that path's
 * first use: Jetty then copies each header in one piece, and the socket write takes the body as it is, where a
 * heap array is first copied into a temporary direct buffer by the JDK. Immutable once made (the direct buffers
 * are set at most once; a race makes a spare copy, never a wrong one), so thread-safe.
 */
public final class CachedBody {

    private static final int COMPRESS_FROM_BYTES = 1024;
    private static final HttpField VARY_ACCEPT_ENCODING = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField CONTENT_ENCODING_GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    private final byte[] bytes;
    private final byte[] gzipped;
    private final String etag;
    private final String contentType;
    private final String tag;
    private final HttpField etagField;
    private final HttpField contentTypeField;
    private volatile Direct direct;

    /** The bodies as read-only direct buffers; {@code gzipped} is null when there is no gzip copy. */
    private record Direct(ByteBuffer plain, ByteBuffer gzipped) {
    }

    private CachedBody(byte[] bytes, byte[] gzipped, String etag, String contentType, String tag) {
        this.bytes = bytes;
        this.gzipped = gzipped;
        this.etag = etag;
        this.contentType = contentType;
        this.tag = tag;
        this.etagField = new PreEncodedHttpField(HttpHeader.ETAG, etag);
        this.contentTypeField = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType);
    }

    /** A body of {@code bytes}; {@code tag} names what it belongs to (a story id for thread pages). */
    public static CachedBody of(byte[] bytes, String contentType, String tag) {
        byte[] gzipped = bytes.length >= COMPRESS_FROM_BYTES ? gzip(bytes) : null;
        return new CachedBody(bytes, gzipped, etagOf(bytes), contentType, tag);
    }

    public static CachedBody ofText(String text, String contentType) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType, null);
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The gzip copy, or null for a body too small to be worth it. */
    public byte[] gzipped() {
        return gzipped;
    }

    public String etag() {
        return etag;
    }

    public String contentType() {
        return contentType;
    }

    /** What the body belongs to (a story id for thread pages), for invalidation; may be null. */
    public String tag() {
        return tag;
    }

    /** A Cache-Control header to hand to {@link #send(Request, Response, Callback, HttpField)}, encoded once. */
    public static HttpField cacheControl(String value) {
        return new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, value);
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
     * @param cacheControl the Cache-Control header, from {@link #cacheControl(String)}
     * @return the status sent, 200 or 304
     */
    public int send(Request request, Response response, Callback callback, HttpField cacheControl) {
        HttpFields.Mutable headers = response.getHeaders();
        HttpFields requestHeaders = request.getHeaders();
        headers.add(etagField);
        headers.add(cacheControl);
        if (gzipped != null) {
            headers.add(VARY_ACCEPT_ENCODING);
        }
        if (notModified(requestHeaders.get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            callback.succeeded();
            return 304;
        }
        headers.add(contentTypeField);
        Direct buffers = direct();
        ByteBuffer body = buffers.plain();
        if (gzipFor(requestHeaders.get(HttpHeader.ACCEPT_ENCODING))) {
            headers.add(CONTENT_ENCODING_GZIP);
            body = buffers.gzipped();
        }
        response.write(true, body.duplicate(), callback);
        return 200;
    }

    private Direct direct() {
        Direct buffers = direct;
        if (buffers == null) {
            buffers = new Direct(directCopy(bytes), gzipped == null ? null : directCopy(gzipped));
            direct = buffers;
        }
        return buffers;
    }

    /**
     * A read-only direct copy of {@code bytes}, or a view of the array itself when direct memory is exhausted (its
     * limit is the heap's size by default): then the JDK copies per write, as before, rather than the read failing.
     */
    private static ByteBuffer directCopy(byte[] bytes) {
        try {
            return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
        } catch (OutOfMemoryError directMemoryExhausted) {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }
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
