package org.parley.account;

import java.util.Optional;

/**
 * What mail an account gets: whether its address is verified, and its two switches (replies to its comments, and
 * for staff a digest of new items in the moderation queues).
 */
public record MailPreferences(boolean emailVerified, boolean notifyReplies, boolean notifyQueue) {

    /** The mails a reader can switch on and off (and unsubscribe from with one click). */
    public enum Kind {
        REPLIES("replies", "notify_replies"),
        QUEUE("queue", "notify_queue");

        private final String code;
        private final String column;

        Kind(String code, String column) {
            this.code = code;
            this.column = column;
        }

        public String code() {
            return code;
        }

        String column() {
            return column;
        }

        public static Optional<Kind> ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }
}
