package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.TickingClock;
import org.parley.testing.TestDatabase;

/** The sender against an SMTP port where nothing listens: backoff between attempts, then giving up with the cause. */
class MailSenderTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TickingClock clock = new TickingClock();

    @Test
    void a_message_is_retried_after_a_doubling_delay_and_given_up_after_the_last_attempt_with_the_reason()
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailSettings settings = MailSettings.unconfigured().withSmtp("127.0.0.1", closedPort, "parley@test.example")
                .withPace(Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1), 3);
        MailQueue queue = new MailQueue(db.database().jdbi());
        MailSender sender = new MailSender(settings, queue, digests(), clock);
        queue.jdbi().useTransaction(handle -> MailQueue.enqueue(handle, new OutgoingMail("verify",
                "nobody@sender.example", "Subject", "Text", null, null), clock.instant()));

        assertThat(sender.sendDue()).isZero();
        assertThat(entry(queue).attempts()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(entry(queue).attempts()).as("not due before the first delay").isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        sender.sendDue();
        assertThat(entry(queue).attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(61));
        sender.sendDue();
        assertThat(entry(queue).attempts()).as("the second delay is two minutes").isEqualTo(2);

        clock.advance(Duration.ofSeconds(61));
        sender.sendDue();
        MailQueue.Entry gaveUp = entry(queue);
        assertThat(gaveUp.attempts()).isEqualTo(3);
        assertThat(gaveUp.status()).isEqualTo("failed");
        assertThat(gaveUp.lastError()).containsIgnoringCase("connect");
        clock.advance(Duration.ofDays(1));
        sender.sendDue();
        assertThat(entry(queue).attempts()).isEqualTo(3);
    }

    @Test
    void without_smtp_nothing_is_claimed_and_mail_waits() {
        MailQueue queue = new MailQueue(db.database().jdbi());
        MailSender sender = new MailSender(MailSettings.unconfigured(), queue, digests(), clock);
        queue.jdbi().useTransaction(handle -> MailQueue.enqueue(handle, new OutgoingMail("verify",
                "nobody@sender.example", "Subject", "Text", null, null), clock.instant()));
        assertThat(sender.sendDue()).isZero();
        assertThat(entry(queue).attempts()).isZero();
        assertThat(entry(queue).status()).isEqualTo("queued");
    }

    @Test
    void a_claimed_message_is_not_claimed_again_while_its_lease_runs() {
        MailQueue queue = new MailQueue(db.database().jdbi());
        Instant now = clock.instant();
        queue.jdbi().useTransaction(handle -> MailQueue.enqueue(handle, new OutgoingMail("verify",
                "nobody@sender.example", "Subject", "Text", null, null), now));
        assertThat(queue.claimNext(now.plusSeconds(1), now.plusSeconds(120))).isPresent();
        assertThat(queue.claimNext(now.plusSeconds(2), now.plusSeconds(122))).isEmpty();
        assertThat(queue.claimNext(now.plusSeconds(121), now.plusSeconds(240))).isPresent();
    }

    private ModeratorDigests digests() {
        return new ModeratorDigests(db.database().jdbi(), new MailTexts(() -> "http://localhost"),
                LinkTokens.load(db.database().jdbi(), clock.instant()), Duration.ofMinutes(15), clock);
    }

    private static MailQueue.Entry entry(MailQueue queue) {
        return queue.listFor("nobody@sender.example").get(0);
    }
}
