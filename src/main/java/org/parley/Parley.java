package org.parley;

import org.parley.cli.ParleyCommand;
import picocli.CommandLine;

/**
 * Parley's entry point: parses the command line and hands over to the command that was named.
 *
 * <p>Each command builds the objects it needs with {@code new}; the server's wiring lives in
 * {@link org.parley.cli.ServeCommand} through {@link Server}.
 */
public final class Parley {

    private Parley() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit status: 0 on success, 2 on bad usage. */
    public static int run(String... args) {
        return ParleyCommand.commandLine().execute(args);
    }
}
