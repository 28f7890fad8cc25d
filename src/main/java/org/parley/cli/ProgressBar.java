package org.parley.cli;

import java.io.PrintStream;
import org.parley.classifier.Progress;

/**
 * A one-line progress bar on the terminal: stage, bar, counts and estimated time left, redrawn in place at most
 * five times a second. Draws nothing when stderr is not a terminal, so logs and pipes stay clean.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private String stage = "";
    private long stageStart;
    private long lastDraw;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A bar on stderr if the process has a terminal. */
    static ProgressBar onTerminal() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public void update(long done, long total, String stageName) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!stageName.equals(stage)) {
            stage = stageName;
            stageStart = now;
        }
        if (now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        out.print('\r' + line(done, total, (now - stageStart) / 1e9));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    /** The bar's text for {@code done} of {@code total} after {@code elapsedSeconds}. */
    String line(long done, long total, double elapsedSeconds) {
        double fraction = total == 0 ? 1 : Math.min(1, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        String left = done == 0 ? "?" : formatSeconds(elapsedSeconds * (total - done) / done);
        return String.format("%-9s [%s%s] %,d/%,d  %3.0f%%  %s left", stage, "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, total, fraction * 100, left);
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
