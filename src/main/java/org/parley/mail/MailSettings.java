package org.parley.mail;

import java.time.Duration;
import java.util.Locale;

/**
 * How Parley sends mail: the SMTP server, the sender address, and the pace of the queue. Without a host and a
 * sender address mail is not sent: it waits in the queue until SMTP is configured.
 *
 * @param host the SMTP server, or null when mail is not configured
 * @param port its port (25, 587 for STARTTLS, 465 for TLS)
 * @param user the SMTP user, or null to send without authentication
 * @param password the SMTP password
 * @param from the sender, e.g. {@code Comments <comments@example.org>}
 * @param security how the connection is protected
 * @param digestInterval the least time between two digests to one moderator
 * @param pollInterval how often the queue is looked at
 * @param retryDelay the wait after a first failed attempt; it doubles after each further failure
 * @param maxAttempts attempts before a message is given up
 */
public record MailSettings(
        String host,
        int port,
        String user,
        String password,
        String from,
        Security security,
        Duration digestInterval,
        Duration pollInterval,
        Duration retryDelay,
        int maxAttempts) {

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the same host or network). */
        NONE,
        /** Plain SMTP upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS;

        public static Security ofCode(String code) {
            try {
                return valueOf(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The SMTP security is none, starttls or tls, not " + code);
            }
        }
    }

    /** No SMTP server: mail waits in the queue. */
    public static MailSettings unconfigured() {
        return new MailSettings(null, 25, null, null, null, Security.NONE, Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofMinutes(1), 8);
    }

    public boolean configured() {
        return host != null && !host.isBlank() && from != null && !from.isBlank();
    }

    public MailSettings withSmtp(String newHost, int newPort, String newFrom) {
        return new MailSettings(newHost, newPort, user, password, newFrom, security, digestInterval, pollInterval,
                retryDelay, maxAttempts);
    }

    public MailSettings withPace(Duration newDigestInterval, Duration newPollInterval, Duration newRetryDelay,
            int newMaxAttempts) {
        return new MailSettings(host, port, user, password, from, security, newDigestInterval, newPollInterval,
                newRetryDelay, newMaxAttempts);
    }
}
