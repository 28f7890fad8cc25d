package org.parley.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.mail.MailSettings;

/**
 * A real SMTP server in the test's process (GreenMail) on a loopback port chosen up front, so a server can be
 * configured for it before it starts (or while it is down), and the mail it received, read as a reader would.
 */
public final class Mailbox implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int port;
    private GreenMail greenMail;

    public Mailbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mail settings for a Parley server sending here: plain SMTP, a quick queue, one-minute first retry. */
    public MailSettings settings() {
        return new MailSettings("127.0.0.1", port, null, null, "Parley <parley@test.example>",
                MailSettings.Security.NONE, Duration.ofMinutes(15), Duration.ofMillis(100), Duration.ofMinutes(1), 3);
    }

    public void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Every message received so far to {@code recipient}. */
    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, recipient)).toList();
    }

    /** Waits until a message to {@code recipient} matches, and answers it; fails after twenty seconds. */
    public MimeMessage await(String recipient, Predicate<MimeMessage> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : to(recipient)) {
                if (matching.test(message)) {
                    return message;
                }
            }
            greenMail.waitForIncomingEmail(200, greenMail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("No matching mail to " + recipient + " within " + WAIT.toSeconds() + " s; got "
                + to(recipient).stream().map(Mailbox::subject).toList());
    }

    public MimeMessage awaitSubject(String recipient, String subjectPart) {
        return await(recipient, message -> subject(message).contains(subjectPart));
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a message. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                return (String) multipart.getBodyPart(0).getContent();
            }
            return (String) content;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the message's text whose path starts with {@code path}, as a path with its query. */
    public static String link(MimeMessage message, String path) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\S*)").matcher(text(message));
        if (!matcher.find()) {
            throw new AssertionError("No link to " + path + " in: " + text(message));
        }
        return matcher.group(1);
    }

    /** The token in a link's query. */
    public static String token(String link) {
        return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            Address[] all = message.getAllRecipients();
            return all != null && Arrays.stream(all).anyMatch(address -> address.toString().equals(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
