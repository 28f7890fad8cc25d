package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/** A client that hangs up while its answer is written is no server error (the log stays quiet about it). */
class ClientWentAwayTest {

    @Test
    void a_broken_pipe_under_any_wrapping_is_the_client_going_away() {
        assertThat(Errors.clientWentAway(new EofException("Broken pipe"))).isTrue();
        assertThat(Errors.clientWentAway(new UncheckedIOException(new EofException("Broken pipe")))).isTrue();
        assertThat(Errors.clientWentAway(new RuntimeException(new UncheckedIOException(
                new EofException(new IOException("Connection reset by peer")))))).isTrue();
    }

    @Test
    void other_failures_are_errors() {
        assertThat(Errors.clientWentAway(new IllegalStateException("a bug"))).isFalse();
        assertThat(Errors.clientWentAway(new UncheckedIOException(new IOException("disk full")))).isFalse();
    }
}
