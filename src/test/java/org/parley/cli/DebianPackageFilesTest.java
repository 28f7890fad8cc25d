package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.Settings;
import picocli.CommandLine;

/**
 * Issue 15, item 5: the files of the Debian package (src/deb) agree with Parley. The shipped config file, and each
 * setting it shows commented out, is read by {@code parley serve} without complaint; the unit runs the packaged
 * command with that file, as its own user, with its state in the data folder. `.ci/deb-check` installs the package
 * and starts it; this keeps the files true between those runs.
 */
class DebianPackageFilesTest {

    private static final Path DEB = Path.of("src/deb");

    @TempDir
    Path folder;

    private static Settings serve(Map<String, String> environment) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        return ServeCommand.settings(serve.configuration(environment));
    }

    @Test
    void the_shipped_config_file_listens_on_loopback_with_its_data_in_var_lib_parley() {
        Settings settings = serve(Map.of("PARLEY_CONFIG", DEB.resolve("parley.properties").toString()));
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/parley"));
        assertThat(settings.databaseUrl()).isNull();
    }

    @Test
    void every_setting_the_config_file_shows_commented_out_is_one_parley_reads() throws IOException {
        List<String> lines = Files.readAllLines(DEB.resolve("parley.properties"), StandardCharsets.UTF_8);
        List<String> examples = lines.stream().filter(line -> line.matches("#[a-z-]+ = .*")).toList();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        Path uncommented = folder.resolve("parley.properties");
        Files.write(uncommented, lines.stream().map(line -> examples.contains(line) ? line.substring(1) : line)
                .toList(), StandardCharsets.UTF_8);

        Settings settings = serve(Map.of("PARLEY_CONFIG", uncommented.toString()));
        assertThat(settings.publicUrl()).isEqualTo("https://comments.example.org");
        assertThat(settings.trustProxy()).isTrue();
        assertThat(settings.databaseUrl()).startsWith("jdbc:postgresql:");
        assertThat(settings.mail().configured()).isTrue();
    }

    @Test
    void the_unit_runs_the_packaged_command_with_the_config_file_as_its_own_user_and_is_hardened()
            throws IOException {
        List<String> unit = Files.readAllLines(DEB.resolve("parley.service"), StandardCharsets.UTF_8);
        assertThat(unit).contains(
                "User=parley",
                "ExecStart=/usr/bin/parley serve",
                "Environment=PARLEY_CONFIG=/etc/parley/parley.properties",
                "WorkingDirectory=/var/lib/parley",
                "StateDirectory=parley",
                "ProtectSystem=strict",
                "ProtectHome=yes",
                "PrivateTmp=yes",
                "NoNewPrivileges=yes",
                "CapabilityBoundingSet=",
                "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6");
        String command = Files.readString(DEB.resolve("parley"), StandardCharsets.UTF_8);
        assertThat(command).contains("-jar /usr/share/parley/parley.jar \"$@\"")
                .contains("PARLEY_CONFIG=\"${PARLEY_CONFIG:-/etc/parley/parley.properties}\"");
    }
}
