package org.parley.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Standard output and error of {@code parley serve} when its logs are JSON ({@code PARLEY_LOG_FORMAT=json}):
 * every line either stream carries is one JSON object, so that a log shipper reading JSON lines never meets
 * plain text. Logback's appenders are pointed at the process's own standard error (they write JSON already);
 * {@code System.out} and {@code System.err} are replaced by streams that turn each line printed on them into an
 * object shaped like Logback's ({@code timestamp}, {@code level}, {@code threadName}, {@code loggerName},
 * {@code message}); a failure no code caught is logged with its stack trace in one object. The server's own
 * notices to the operator (the first admin's password among them) are written whole, one object each, by
 * {@link #say}.
 *
 * <p>Thread-safe: each stream turns and writes whole lines under its own lock.
 */
final class JsonConsole {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonConsole() {
    }

    /** Makes every line on standard output and error JSON from now on; see the class comment. */
    static void install(LoggerContext logging) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        OutputStream logs = new FilterOutputStream(err) {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                err.write(bytes, offset, length);
            }

            @Override
            public void close() {
                err.flush(); // the process's standard error stays open when Logback stops
            }
        };
        for (Logger logger : logging.getLoggerList()) {
            for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> appenders =
                    logger.iteratorForAppenders(); appenders.hasNext(); ) {
                if (appenders.next() instanceof OutputStreamAppender<?> console) {
                    console.setOutputStream(logs);
                }
            }
        }
        System.setOut(new PrintStream(new Lines(out, "INFO", "stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Lines(err, "WARN", "stderr"), true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> LoggerFactory.getLogger(JsonConsole.class)
                .error("Uncaught failure in thread {}", thread.getName(), failure));
    }

    /** One notice to the operator on standard output, as one JSON object however many lines it has. */
    static void say(String message) {
        System.out.println(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    /** One line as a JSON object, in Logback's field names. */
    static String line(String level, String loggerName, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timestamp", System.currentTimeMillis());
        fields.put("level", level);
        fields.put("threadName", Thread.currentThread().getName());
        fields.put("loggerName", loggerName);
        fields.put("message", message);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects bytes into lines and writes each non-blank one to {@code target} as a JSON object. */
    private static final class Lines extends OutputStream {

        private final PrintStream target;
        private final String level;
        private final String loggerName;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Lines(PrintStream target, String level, String loggerName) {
            this.target = target;
            this.level = level;
            this.loggerName = loggerName;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void close() {
            emit();
            target.flush();
        }

        private void emit() {
            String text = pending.toString(StandardCharsets.UTF_8).stripTrailing();
            pending.reset();
            if (!text.isBlank()) {
                target.println(line(level, loggerName, text));
                target.flush();
            }
        }
    }
}
