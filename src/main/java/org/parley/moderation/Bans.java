package org.parley.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.problem.Problem;
import org.parley.webhook.Outbox;

/**
 * Actions on readers: ban (no end), suspend (until a time), lift, and warn (a notice the reader sees next time).
 * Admins and moderators may act; nobody acts on an admin. Every action goes to the moderation log under the
 * site named, or {@code *} for the whole installation. Thread-safe.
 */
public final class Bans {

    /** "Forever" for a ban: the year 3000. */
    static final Instant FOREVER = Instant.parse("3000-01-01T00:00:00Z");
    private static final int MAX_TEXT = 500;

    private final Accounts accounts;
    private final ModerationStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final List<BiConsumer<Handle, String>> restrictionListeners = new CopyOnWriteArrayList<>();

    /** Bans whose {@code user.banned} webhooks are queued in the ban's own transaction. */
    public Bans(Accounts accounts, ModerationStore store, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Adds a listener told, in the ban's transaction and after its log entry, of the account banned or suspended
     * (the statement-of-reasons mail).
     */
    public void onRestriction(BiConsumer<Handle, String> listener) {
        restrictionListeners.add(listener);
    }

    /** What a moderator sees of a reader's standing: a ban or suspension in force, a warning, how they fared. */
    public record Standing(Instant bannedUntil, String warning, QueueItem.AuthorRecord record) {
    }

    /** The reader's standing now; {@code bannedUntil} and {@code warning} are null when there is none. */
    public Standing standing(String accountId) {
        return new Standing(store.bannedUntil(accountId, clock.instant()).orElse(null),
                store.warning(accountId).orElse(null), store.authorRecord(accountId));
    }

    /** Bans the account, or suspends it when {@code until} is given (it must lie in the future). */
    public void ban(Account moderator, String accountId, String reason, Instant until) {
        Account subject = requireSubject(moderator, accountId);
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw Problem.invalid("until", "A suspension must end in the future.");
        }
        String why = requireText("reason", reason);
        store.jdbi().useTransaction(handle -> {
            ModerationStore.ban(handle, subject.id(), until == null ? FOREVER : until, why);
            outbox.userBanned(handle, subject.id(), subject.displayName(), why, until);
            // An account restriction rests on the guidelines; its statement quotes the moderator's reason.
            ModerationStore.log(handle, new ModerationStore.LogEntry("*", null, subject.id(), moderator.id(),
                    until == null ? "ban" : "suspend", until == null ? why : why + " (until " + until + ")", null,
                    null, now), new ModerationStore.Basis(Facts.GUIDELINES, null, null));
            restrictionListeners.forEach(listener -> listener.accept(handle, subject.id()));
        });
    }

    public void lift(Account moderator, String accountId) {
        Account subject = requireSubject(moderator, accountId);
        store.ban(subject.id(), Instant.EPOCH, null);
        store.log(new ModerationStore.LogEntry("*", null, subject.id(), moderator.id(), "unban", null, null, null,
                clock.instant()));
    }

    public void warn(Account moderator, String accountId, String message) {
        Account subject = requireSubject(moderator, accountId);
        String text = requireText("message", message);
        store.warn(subject.id(), text);
        store.log(new ModerationStore.LogEntry("*", null, subject.id(), moderator.id(), "warn", text, null, null,
                clock.instant()));
    }

    private Account requireSubject(Account moderator, String accountId) {
        if (!moderator.role().canModerate()) {
            throw Problem.forbidden("not_moderator", "Only moderators and admins act on readers.");
        }
        Account subject = accounts.findAccount(accountId)
                .orElseThrow(() -> Problem.notFound("user", "There is no such user."));
        if (subject.role() == Role.ADMIN || subject.id().equals(moderator.id())) {
            throw Problem.forbidden("protected_user", "Admins, and you yourself, cannot be banned or warned.");
        }
        return subject;
    }

    private static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw Problem.invalid(field, "Say why, for the log and for the reader.");
        }
        if (text.length() > MAX_TEXT) {
            throw Problem.invalid(field, "Keep it to " + MAX_TEXT + " characters.");
        }
        return text.strip();
    }
}
