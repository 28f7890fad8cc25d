package org.parley.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import org.parley.classifier.Progress;

/**
 * Progress of a long command on stderr. On a terminal: a one-line bar (stage, bar, counts, estimated time left)
 * redrawn in place at most five times a second. Elsewhere (a log, a pipe): one plain line every
 * {@link #PERIODIC_SECONDS} seconds, so a long job is seen to move while short ones print nothing. A total of 0
 * or less means the total is unknown: the count alone is shown. Call {@link #finish()} at the end.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    static final int PERIODIC_SECONDS = 10;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String stage = "";
    private long stageStart;
    private long lastDraw;
    private boolean drawnInPlace;

    ProgressBar(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.lastDraw = nanoTime.getAsLong();
    }

    /** Progress on stderr: a bar if the process has a terminal, else a periodic line. */
    static ProgressBar onTerminal() {
        return new ProgressBar(System.err, System.console() != null, System::nanoTime);
    }

    @Override
    public void update(long done, long total, String stageName) {
        long now = nanoTime.getAsLong();
        if (!stageName.equals(stage)) {
            stage = stageName;
            stageStart = now;
        }
        boolean complete = total > 0 && done >= total;
        if (!terminal) {
            if (now - lastDraw >= PERIODIC_SECONDS * 1_000_000_000L) {
                lastDraw = now;
                out.println(line(done, total, (now - stageStart) / 1e9).strip());
                out.flush();
            }
            return;
        }
        if (now - lastDraw < 200_000_000L && !complete) {
            return;
        }
        lastDraw = now;
        out.print('\r' + line(done, total, (now - stageStart) / 1e9));
        drawnInPlace = !complete;
        if (complete) {
            out.println();
        }
        out.flush();
    }

    /** Ends the bar's line, if one is drawn, so that what follows starts on a line of its own. */
    void finish() {
        if (drawnInPlace) {
            out.println();
            out.flush();
            drawnInPlace = false;
        }
    }

    /** The bar's text for {@code done} of {@code total} after {@code elapsedSeconds}. */
    String line(long done, long total, double elapsedSeconds) {
        if (total <= 0) {
            return String.format("%-9s %,d done  %s elapsed", stage, done, formatSeconds(elapsedSeconds));
        }
        double fraction = Math.min(1, done / (double) total);
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
