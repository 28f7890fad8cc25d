package org.parley.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with Argon2id (Password4j), using OWASP's recommended minimum cost:
 * 19 MiB of memory, 2 iterations, 1 lane. Hashes are PHC strings that carry their own parameters, so the cost
 * can rise later without invalidating stored hashes. Thread-safe.
 */
public final class Passwords {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when an e-mail is unknown, so a wrong e-mail costs as long as a wrong password. */
    private static final String DECOY_HASH = hash("decoy password that matches nothing");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public static boolean matches(String password, String storedHash) {
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the time of one check without a hash to check against. */
    public static void spendCheckTime(String password) {
        matches(password, DECOY_HASH);
    }
}
