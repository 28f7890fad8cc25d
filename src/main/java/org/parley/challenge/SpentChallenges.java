package org.parley.challenge;

import org.jdbi.v3.core.Jdbi;

/**
 * The ALTCHA solutions already accepted ({@code spent_challenges}, V12_2), keyed by their challenge's signature,
 * so that each challenge lets one request through. A row is kept until its challenge expires (after which the
 * library refuses the solution anyway); each spend drops the expired rows first. The only writer of the table.
 * Thread-safe: the primary key decides between two concurrent spends of one solution.
 */
final class SpentChallenges {

    private final Jdbi jdbi;

    SpentChallenges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the solution as spent; false when it was spent before. Times are epoch milliseconds. */
    boolean spend(String signature, long expiresAt, long now) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM spent_challenges WHERE expires_at < :now")
                    .bind("now", now)
                    .execute();
            return handle.createUpdate("INSERT INTO spent_challenges (signature, expires_at)"
                            + " VALUES (:signature, :expiresAt) ON CONFLICT (signature) DO NOTHING")
                    .bind("signature", signature)
                    .bind("expiresAt", expiresAt)
                    .execute() == 1;
        });
    }
}
