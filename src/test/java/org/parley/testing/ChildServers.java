package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Helpers for tests that run {@code parley serve} as a child process: a free port, and whether it answers yet. */
public final class ChildServers {

    private ChildServers() {
    }

    /** Whether the server at the address answers {@code /health} with 200 (false while it is still starting). */
    public static boolean healthy(String baseUrl) {
        try {
            return new ApiClient(baseUrl).get("/health").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A port that was free a moment ago, for a child server's {@code --port}. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
