package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.ApiClient;
import org.parley.testing.ChildServers;
import org.parley.testing.TestDatabase;
import org.parley.testing.Waiting;

/**
 * With {@code PARLEY_LOG_FORMAT=json} every line the real {@code parley serve}, started as a child process,
 * writes to standard output and standard error is a JSON object, from the first start's notices and the first
 * admin's password to the shutdown; each line is read with Jackson. The server runs on SQLite in its own folder.
 */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_ADMIN = Pattern.compile("e-mail:\\s+(\\S+)\\s+password:\\s+(\\S+)");

    @TempDir
    Path folder;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void every_line_of_a_first_start_and_a_graceful_stop_is_json() throws Exception {
        assumeFalse(TestDatabase.onPostgres(), "the child process runs on SQLite whatever the suite's database");
        int port = ChildServers.freePort();
        Process server = serve("--port", Integer.toString(port), "--host", "127.0.0.1");
        String baseUrl = "http://127.0.0.1:" + port;
        Waiting.until(() -> ChildServers.healthy(baseUrl), 120, "the server to start");
        Waiting.until(() -> messages(read("stdout")).stream().anyMatch(m -> m.startsWith("Parley is running at")),
                30, "the running notice");
        assertThat(server.isAlive()).isTrue();

        List<String> notices = messages(read("stdout"));
        assertThat(notices).anyMatch(m -> m.startsWith("Mail is not configured"));
        String banner = notices.stream().filter(m -> m.startsWith("Parley's first admin account")).findFirst()
                .orElseThrow(() -> new AssertionError("no first-start banner in " + notices));
        Matcher admin = FIRST_ADMIN.matcher(banner);
        assertThat(admin.find()).as(banner).isTrue();
        assertThat(new ApiClient(baseUrl).post("/api/v1/auth/login",
                Map.of("email", admin.group(1), "password", admin.group(2))).status())
                .as("the password in the message is the admin's").isEqualTo(200);

        Waiting.until(() -> lines(read("stderr"), false).stream()
                .anyMatch(line -> line.path("loggerName").asText().startsWith("org.parley.mail")),
                60, "the mail queue's first look, which logs that SMTP is not configured");

        server.destroy(); // SIGTERM: the graceful stop writes what it writes
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> everything = new ArrayList<>(lines(read("stdout"), true));
        List<JsonNode> logs = lines(read("stderr"), true);
        everything.addAll(logs);
        assertThat(everything).allSatisfy(line -> {
            assertThat(line.path("level").asText()).isNotBlank();
            assertThat(line.has("message")).isTrue();
        });
    }

    @Test
    void a_setting_refused_after_the_format_is_known_is_a_json_line_too() throws Exception {
        assumeFalse(TestDatabase.onPostgres(), "the child process runs on SQLite whatever the suite's database");
        Process server = serve("--port", "0", "--disposable-domains-file", folder.resolve("none.txt").toString());
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(lines(read("stderr"), true)).anyMatch(line -> line.path("message").asText()
                .contains("disposable-domains-file"));
        lines(read("stdout"), true);
    }

    private Process serve(String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As the jar runs: without the test classes and their logback-test.xml, which would win over logback.xml.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath,
                "org.parley.Parley", "serve", "--data", folder.resolve("data").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("stdout").toFile())
                .redirectError(folder.resolve("stderr").toFile());
        builder.environment().put("PARLEY_LOG_FORMAT", "json");
        builder.environment().keySet()
                .removeIf(name -> name.startsWith("PARLEY_") && !name.equals("PARLEY_LOG_FORMAT"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String read(String stream) {
        try {
            return Files.readString(folder.resolve(stream), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every complete line of a stream, each of which must be one JSON object (a line that is not fails the test);
     * once the process has ended, the text must end with a line break too.
     */
    private static List<JsonNode> lines(String text, boolean ended) {
        if (ended) {
            assertThat(text.isEmpty() || text.endsWith("\n")).as("the last line is whole: %s", text).isTrue();
        }
        int end = text.lastIndexOf('\n');
        List<JsonNode> objects = new ArrayList<>();
        if (end < 0) {
            return objects;
        }
        for (String line : text.substring(0, end).split("\n", -1)) {
            try {
                JsonNode object = JSON.readTree(line);
                assertThat(object != null && object.isObject()).as("a JSON object: %s", line).isTrue();
                objects.add(object);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return objects;
    }

    private static List<String> messages(String text) {
        return lines(text, false).stream().map(line -> line.path("message").asText()).toList();
    }
}
