package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.SignupMode;
import org.parley.testing.Mailbox;
import org.parley.testing.TickingClock;
import org.parley.testing.TestServer;

/** An SMTP server that is down: sign-up still answers at once, the mail is retried later and delivered. */
class SmtpOutageTest {

    private static final Mailbox mailbox = new Mailbox();
    private static final TickingClock clock = new TickingClock();

    // Instant sign-up (version 1), open beside mail by choice: these tests need readers with a session at once.
    @RegisterExtension
    static final TestServer server = new TestServer(
            settings -> settings.withRateLimits(false).withMail(mailbox.settings())
                    .withSignupMode(SignupMode.INSTANT), clock);

    @AfterAll
    static void stopMail() {
        mailbox.close();
    }

    @Test
    void mail_that_failed_while_smtp_was_down_is_retried_with_backoff_and_delivered_when_it_is_back() {
        MailQueue queue = new MailQueue(server.server().database().jdbi());
        server.client().signUp("patient@outage.example", "Patient");

        List<MailQueue.Entry> failed = awaitEntry(queue, "patient@outage.example",
                entry -> entry.attempts() == 1 && entry.lastError() != null);
        assertThat(failed.get(0).status()).isEqualTo("queued");
        assertThat(failed.get(0).lastError()).containsIgnoringCase("connect");

        mailbox.start();
        clock.advance(Duration.ofMinutes(2));
        mailbox.awaitSubject("patient@outage.example", "Confirm your e-mail address");
        List<MailQueue.Entry> sent = awaitEntry(queue, "patient@outage.example",
                entry -> "sent".equals(entry.status()));
        assertThat(sent.get(0).attempts()).isEqualTo(2);
        assertThat(mailbox.to("patient@outage.example")).hasSize(1);
    }

    /** Waits until the first message to the address satisfies the condition. */
    private static List<MailQueue.Entry> awaitEntry(MailQueue queue, String recipient,
            java.util.function.Predicate<MailQueue.Entry> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<MailQueue.Entry> entries = queue.listFor(recipient);
            if (!entries.isEmpty() && condition.test(entries.get(0))) {
                return entries;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("The queue never reached the expected state: " + queue.listFor(recipient));
    }
}
