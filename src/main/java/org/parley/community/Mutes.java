package org.parley.community;

import java.time.Clock;
import java.util.List;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.problem.Problem;

/**
 * Muting: a reader hides another author's comments from themselves, in every thread of every site. The server keeps
 * the list and tells the widget, per thread, which of the thread's authors the reader muted; the thread itself stays
 * one shared answer for everyone (decision 0002). Nobody mutes themselves, and staff (moderators and admins) cannot
 * be muted: their word in a thread is part of its moderation. Thread-safe.
 */
public final class Mutes {

    private final MuteStore store;
    private final Accounts accounts;
    private final Clock clock;

    public Mutes(MuteStore store, Accounts accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Mutes an author for the reader; answers the author's entry in the reader's list. */
    public MuteStore.Muted mute(Account reader, String userId) {
        if (userId == null || userId.isBlank()) {
            throw Problem.invalid("userId", "Name the author to mute with 'userId'.");
        }
        if (userId.equals(reader.id())) {
            throw Problem.unprocessable("self", "You cannot mute yourself.", "userId");
        }
        Account author = accounts.findAccount(userId)
                .orElseThrow(() -> Problem.notFound("user", "There is no such user."));
        if (author.role().canModerate()) {
            throw Problem.forbidden("staff", "Moderators and admins cannot be muted.");
        }
        store.add(reader.id(), userId, clock.instant());
        return store.list(reader.id()).stream().filter(muted -> muted.userId().equals(userId)).findFirst()
                .orElseThrow();
    }

    /** Lifts a mute; lifting one that is not there changes nothing. */
    public void unmute(Account reader, String userId) {
        store.remove(reader.id(), userId);
    }

    public List<MuteStore.Muted> list(Account reader) {
        return store.list(reader.id());
    }

    public List<String> mutedIn(Account reader, String storyId) {
        return store.mutedIn(reader.id(), storyId);
    }
}
