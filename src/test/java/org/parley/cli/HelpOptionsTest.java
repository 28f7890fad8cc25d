package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code parley COMMAND --help} and {@code -h} print that command's usage and exit 0, for every command and
 * sub-command of the tree picocli builds, so a command added later is covered without touching this test.
 */
class HelpOptionsTest {

    static Stream<Arguments> everyCommandWithEachSpelling() {
        List<List<String>> paths = new ArrayList<>();
        walk(ParleyCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("the tree holds the commands").hasSizeGreaterThan(20);
        return paths.stream().flatMap(path -> Stream.of(Arguments.of(path, "--help"), Arguments.of(path, "-h")));
    }

    private static void walk(CommandLine commandLine, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        commandLine.getSubcommands().forEach((name, sub) -> {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            walk(sub, deeper, paths);
        });
    }

    @ParameterizedTest(name = "parley {0} {1}")
    @MethodSource("everyCommandWithEachSpelling")
    void prints_the_commands_usage_and_exits_0(List<String> path, String spelling) {
        List<String> args = new ArrayList<>(path);
        args.add(spelling);
        ConsoleCapture.Run run = ConsoleCapture.run("", args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        String usage = ("Usage: parley " + String.join(" ", path)).strip();
        assertThat(run.out()).containsPattern("(?m)^" + Pattern.quote(usage) + "\\b").contains("-h, --help");
    }
}
