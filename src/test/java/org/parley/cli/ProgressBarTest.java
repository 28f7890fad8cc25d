package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 5, item 4: progress is a bar on a terminal and a periodic plain line elsewhere. */
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void off_a_terminal_a_plain_line_is_printed_every_ten_seconds_and_nothing_in_between() {
        ProgressBar progress = new ProgressBar(out, false, nanos::get);

        progress.update(10, 0, "import");
        nanos.addAndGet(9_000_000_000L);
        progress.update(500, 0, "import");
        assertThat(printed()).isEmpty();

        nanos.addAndGet(2_000_000_000L);
        progress.update(900, 0, "import");
        assertThat(printed()).isEqualTo("import    900 done  11s elapsed" + System.lineSeparator());
    }

    @Test
    void on_a_terminal_the_bar_is_redrawn_in_place_and_finish_ends_its_line() {
        ProgressBar progress = new ProgressBar(out, true, nanos::get);

        nanos.addAndGet(1_000_000_000L);
        progress.update(50, 200, "backup");
        progress.finish();

        assertThat(printed()).startsWith("\rbackup    [########").contains("50/200").contains("25%")
                .endsWith(System.lineSeparator());
    }
}
