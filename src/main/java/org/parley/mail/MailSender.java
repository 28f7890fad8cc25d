package org.parley.mail;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender: one scheduled thread per instance that queues due moderator digests (and other due mails,
 * {@link #alsoQueue}), then claims due messages one at a time and hands them to SMTP. A failed attempt is tried
 * again after the retry delay, doubled after each further failure (at most six hours); after the last attempt the
 * message is marked failed with the server's answer. Without SMTP configured nothing is sent: messages wait, and
 * one log line says so.
 */
public final class MailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    private static final Duration KEEP_SENT = Duration.ofDays(7);

    private final MailSettings settings;
    private final MailQueue queue;
    private final ModeratorDigests digests;
    private final SmtpTransport transport;
    private final Clock clock;
    private ScheduledExecutorService thread;
    private boolean toldUnconfigured;
    private Instant lastPurge = Instant.EPOCH;
    private final java.util.List<java.util.function.IntSupplier> otherDue =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public MailSender(MailSettings settings, MailQueue queue, ModeratorDigests digests, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.digests = digests;
        this.clock = clock;
        this.transport = settings.configured() ? new SmtpTransport(settings) : null;
    }

    /** Adds mails queued when due on each round, beside the digests (the followers' mails); call before start. */
    public void alsoQueue(java.util.function.IntSupplier due) {
        otherDue.add(due);
    }

    /** Starts the scheduled thread. */
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread sender = new Thread(runnable, "parley-mail");
            sender.setDaemon(true);
            return sender;
        });
        long every = Math.max(10, settings.pollInterval().toMillis());
        thread.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            digests.queueDue();
            otherDue.forEach(java.util.function.IntSupplier::getAsInt);
            sendDue();
            purgeOldMail();
        } catch (RuntimeException e) {
            LOG.warn("The mail sender failed a round; it tries again shortly", e);
        }
    }

    /** Sends every due message; answers how many were sent. */
    public int sendDue() {
        if (transport == null) {
            if (!toldUnconfigured) {
                toldUnconfigured = true;
                LOG.info("SMTP is not configured (PARLEY_SMTP_HOST, PARLEY_SMTP_FROM): mail waits in the queue"
                        + " until it is");
            }
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            Optional<MailQueue.Claimed> claimed = queue.claimNext(now, now.plus(LEASE));
            if (claimed.isEmpty()) {
                return sent;
            }
            if (send(claimed.get())) {
                sent++;
            }
        }
    }

    private boolean send(MailQueue.Claimed claimed) {
        try {
            transport.send(claimed.mail(), clock.instant());
            queue.markSent(claimed.id(), clock.instant());
            return true;
        } catch (MessagingException | RuntimeException e) {
            String error = describe(e);
            if (claimed.attempts() >= settings.maxAttempts()) {
                queue.giveUp(claimed.id(), clock.instant(), error);
                LOG.warn("Gave up mail {} to {} after {} attempts: {}", claimed.id(), claimed.mail().recipient(),
                        claimed.attempts(), error);
            } else {
                Instant next = clock.instant().plus(backoff(claimed.attempts()));
                queue.retryAt(claimed.id(), next, error);
                LOG.info("Mail {} failed (attempt {}), trying again at {}: {}", claimed.id(), claimed.attempts(),
                        next, error);
            }
            return false;
        }
    }

    /** The wait after the n-th failed attempt: the retry delay, doubled each time, at most six hours. */
    Duration backoff(int attempts) {
        Duration wait = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void purgeOldMail() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).toHours() >= 1) {
            lastPurge = now;
            queue.purgeSent(now.minus(KEEP_SENT));
        }
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
