package org.parley.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP receiver for webhooks on a free loopback port (the JDK's own server): it keeps every request it gets
 * and answers each with the next status the test queued, else 200 (or what {@link #answerAlways} set). Register it
 * as an instance {@code @RegisterExtension} field.
 */
public final class WebhookReceiver implements BeforeEachCallback, AfterEachCallback {

    /** One request as received. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
    private volatile int otherwise = 200;
    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? otherwise : status, -1);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop(0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/parley";
    }

    /** Queues the status of the next answer. */
    public void answerNext(int status) {
        answers.add(status);
    }

    /** The status of every answer not queued with {@link #answerNext}. */
    public void answerAlways(int status) {
        otherwise = status;
    }

    /** The next request, waiting for it up to 20 seconds; fails the test when none comes. */
    public Received next() {
        try {
            Received next = received.poll(20, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the receiver got no request within 20 seconds");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The requests received and not yet taken with {@link #next}. */
    public int waiting() {
        return received.size();
    }
}
