package org.parley.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Our own XSS corpus ({@code src/test/resources/security/xss-payloads.txt}), across the filter-evasion families:
 * script and event-handler injection, dangerous URL schemes raw and in Markdown, SVG and MathML, broken markup,
 * Markdown tricks, CSS injection, encoded, mixed-case and Unicode variants.
 */
final class XssCorpus {

    private XssCorpus() {
    }

    /** The payloads, with {@code CANARY} replaced by the canary's host and port. */
    static List<String> payloads(String canaryHostPort) {
        try (InputStream in = XssCorpus.class.getResourceAsStream("/security/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#:"))
                    .map(line -> line.replace("\\n", "\n").replace("CANARY", canaryHostPort))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
