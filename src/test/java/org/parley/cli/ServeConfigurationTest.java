package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Settings;
import org.parley.account.SignupMode;
import picocli.CommandLine;

/** Issue 5, item 3: every serve setting as flag, environment variable and config-file key, in that order. */
class ServeConfigurationTest {

    @TempDir
    Path folder;

    private Path configFile(String text) throws IOException {
        Path file = folder.resolve("parley.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Settings settings(Map<String, String> environment, String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return ServeCommand.settings(serve.configuration(environment));
    }

    @Test
    void a_flag_wins_over_the_environment_which_wins_over_the_file_which_wins_over_the_default() throws IOException {
        Path file = configFile("""
                # the publisher's settings
                port = 9100
                host = 127.0.0.1
                max-body = 800
                edit-window = 30
                shutdown-timeout = 5
                """);

        Settings fromFile = settings(Map.of(), "--config", file.toString());
        assertThat(fromFile.port()).isEqualTo(9100);
        assertThat(fromFile.host()).isEqualTo("127.0.0.1");
        assertThat(fromFile.rules().maxBodyLength()).isEqualTo(800);
        assertThat(fromFile.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));

        Settings environmentOverFile = settings(Map.of("PARLEY_PORT", "9200", "PARLEY_CONFIG", file.toString()));
        assertThat(environmentOverFile.port()).isEqualTo(9200);
        assertThat(environmentOverFile.rules().editWindow()).isEqualTo(Duration.ofMinutes(30));

        Settings flagOverAll = settings(Map.of("PARLEY_PORT", "9200"), "--config", file.toString(), "--port", "9300");
        assertThat(flagOverAll.port()).isEqualTo(9300);

        Settings defaults = settings(Map.of());
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.dataDir()).isEqualTo(Path.of("parley-data"));
        assertThat(defaults.rateLimits()).isTrue();
        assertThat(defaults.trustProxy()).isFalse();
        assertThat(defaults.maxStreams()).isEqualTo(Settings.DEFAULT_MAX_STREAMS);
        assertThat(defaults.shutdownGrace()).isEqualTo(Settings.DEFAULT_SHUTDOWN_GRACE);
        assertThat(defaults.databaseUrl()).isNull();
    }

    @Test
    void database_settings_come_from_the_file_too() throws IOException {
        Path file = configFile("database = jdbc:postgresql://db/parley\ndatabase-user = parley\n"
                + "database-password = s3cret\nrate-limits = off\ntrust-proxy = true\n");
        Settings settings = settings(Map.of(), "--config", file.toString());
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:postgresql://db/parley");
        assertThat(settings.databaseUser()).isEqualTo("parley");
        assertThat(settings.databasePassword()).isEqualTo("s3cret");
        assertThat(settings.rateLimits()).isFalse();
        assertThat(settings.trustProxy()).isTrue();
    }

    @Test
    void a_bad_value_names_where_it_came_from() throws IOException {
        Path file = configFile("port = eighty\n");
        assertThatThrownBy(() -> settings(Map.of(), "--config", file.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'port' in " + file).hasMessageContaining("eighty");
        assertThatThrownBy(() -> settings(Map.of("PARLEY_RATE_LIMITS", "sometimes")))
                .hasMessageContaining("PARLEY_RATE_LIMITS");
        assertThat(settings(Map.of("PARLEY_RATE_LIMITS", "FALSE", "PARLEY_TRUST_PROXY", "on")))
                .satisfies(settings -> assertThat(settings.rateLimits()).isFalse())
                .satisfies(settings -> assertThat(settings.trustProxy()).isTrue());
    }

    @Test
    void the_sign_up_mode_is_auto_unless_set_and_refuses_other_words() throws IOException {
        assertThat(settings(Map.of()).signupMode()).isEqualTo(SignupMode.AUTO);
        assertThat(settings(Map.of("PARLEY_SIGNUP_MODE", "Confirm")).signupMode()).isEqualTo(SignupMode.CONFIRM);
        Path file = configFile("signup-mode = confirm\n");
        assertThat(settings(Map.of(), "--config", file.toString(), "--signup-mode", "instant").signupMode())
                .isEqualTo(SignupMode.INSTANT);
        assertThatThrownBy(() -> settings(Map.of(), "--signup-mode", "by-mail"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--signup-mode")
                .hasMessageContaining("instant, confirm, auto");
        assertThat(SignupMode.AUTO.resolve(true)).isEqualTo(SignupMode.CONFIRM);
        assertThat(SignupMode.AUTO.resolve(false)).isEqualTo(SignupMode.INSTANT);
        assertThat(SignupMode.CONFIRM.resolve(false)).isEqualTo(SignupMode.CONFIRM);
    }

    @Test
    void an_unknown_key_in_the_config_file_exits_2_with_one_line_naming_it() throws IOException {
        Path file = configFile("port = 9100\nmax-bodies = 10\n");
        CommandLine commandLine = ParleyCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));

        int status = commandLine.execute("serve", "--config", file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("max-bodies");
    }

    @Test
    void a_missing_config_file_exits_2() {
        CommandLine commandLine = ParleyCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute("serve", "--config", folder.resolve("absent.properties").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("absent.properties");
    }

    @Test
    void every_setting_of_the_table_is_a_flag_with_its_variable_in_the_help() {
        CommandLine commandLine = ParleyCommand.commandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("help", "serve")).isZero();

        for (ServeConfiguration.Entry entry : ServeConfiguration.ENTRIES) {
            assertThat(out.toString()).as(entry.key()).contains(entry.option());
            if (!entry.key().equals("data") && !entry.key().equals("database")) {
                assertThat(out.toString()).as(entry.key()).contains("$" + entry.env());
            }
        }
    }

    @Test
    void webhooks_may_call_private_addresses_only_when_asked() throws IOException {
        assertThat(settings(Map.of()).webhookAllowPrivate()).isFalse();
        assertThat(settings(Map.of(), "--webhook-allow-private", "true").webhookAllowPrivate()).isTrue();
        assertThat(settings(Map.of("PARLEY_WEBHOOK_ALLOW_PRIVATE", "on")).webhookAllowPrivate()).isTrue();
        Path file = configFile("webhook-allow-private = true\n");
        assertThat(settings(Map.of(), "--config", file.toString()).webhookAllowPrivate()).isTrue();
        assertThat(settings(Map.of(), "--config", file.toString(), "--webhook-allow-private", "false")
                .webhookAllowPrivate()).isFalse();
    }

    @Test
    void docs_configuration_lists_every_setting_with_its_option_environment_variable_and_key() throws IOException {
        String doc = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
        for (ServeConfiguration.Entry entry : ServeConfiguration.ENTRIES) {
            assertThat(doc).as(entry.key())
                    .containsPattern("\\| `" + entry.option() + "[^|]*\\| `" + entry.env() + "` \\| `" + entry.key()
                            + "` \\|");
        }
    }
}
