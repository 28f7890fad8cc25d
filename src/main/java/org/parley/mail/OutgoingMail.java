package org.parley.mail;

/**
 * A message to send: who gets it, what it says in plain text (and simple HTML), and the one-click unsubscribe link
 * it carries when the reader can opt out of its kind.
 */
public record OutgoingMail(String kind, String recipient, String subject, String text, String html,
        String unsubscribeUrl) {
}
