package org.parley.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real command line with stdin, stdout and stderr swapped for strings; tests in this package run serially. */
final class ConsoleCapture {

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private ConsoleCapture() {
    }

    static Run run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var commandLine = ParleyCommand.commandLine();
            commandLine.setOut(new java.io.PrintWriter(System.out, true));
            commandLine.setErr(new java.io.PrintWriter(System.err, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
