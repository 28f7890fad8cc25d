package org.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.testing.ApiClient;
import org.parley.testing.TestServer;

/**
 * A server told to stop, over real HTTP on loopback: a request in flight still gets its whole answer, new
 * connections are refused, and a live stream hears a {@code retry:} hint before it ends.
 */
class GracefulShutdownTest {

    @Test
    void a_stopping_server_finishes_the_request_in_flight_refuses_new_connections_and_ends_streams_with_a_retry_hint()
            throws Exception {
        TestServer server = new TestServer(
                settings -> settings.withRateLimits(false).withShutdownGrace(Duration.ofSeconds(15)),
                Clock.systemUTC());
        server.start();
        int port = URI.create(server.baseUrl()).getPort();
        CompletableFuture<Void> stopping = null;
        try (Socket stream = new Socket("127.0.0.1", port); Socket slow = new Socket("127.0.0.1", port)) {
            stream.setSoTimeout(20_000);
            slow.setSoTimeout(20_000);
            BufferedReader streamLines = openStream(stream, server.demoArticleUrl());

            byte[] body = "{\"body\": \"A preview written **slowly**.\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream slowOut = slow.getOutputStream();
            slowOut.write(("POST /api/v1/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            slowOut.flush();
            BufferedReader slowIn = new BufferedReader(new InputStreamReader(slow.getInputStream(),
                    StandardCharsets.UTF_8));
            // The server asks for the body only once the handler reads it: the request is now in flight.
            assertThat(slowIn.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(slowIn.readLine()).isEmpty();

            stopping = CompletableFuture.runAsync(server::stop);

            List<String> streamTail = new ArrayList<>();
            for (String line = streamLines.readLine(); line != null; line = streamLines.readLine()) {
                streamTail.add(line);
            }
            assertThat(streamTail).contains("retry: 3000");
            awaitRefused(port);
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            assertThat(stopping).isNotDone();

            slowOut.write(body);
            slowOut.flush();
            assertThat(slowIn.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line = slowIn.readLine();
            while (line != null && !line.contains("\"html\"")) {
                line = slowIn.readLine();
            }
            assertThat(line).contains("<strong>slowly</strong>");
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            if (stopping == null) {
                server.stop();
            }
        }
    }

    /** Opens the demo thread's live stream on a raw socket and reads up to the server's first comment line. */
    private static BufferedReader openStream(Socket socket, String articleUrl) throws IOException {
        socket.getOutputStream().write(("GET /api/v1/stream?site=demo&url=" + ApiClient.encode(articleUrl)
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("HTTP/1.1 200 OK");
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.contains(": connected")) {
                return lines;
            }
        }
        throw new AssertionError("the stream ended before it was connected");
    }

    /** Waits (at most ten seconds) until the listening socket is closed. */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
