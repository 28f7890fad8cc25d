package org.parley.challenge;

/**
 * The requests a proof of work may guard, each counted on its own toward a site's threshold. Immutable.
 */
public enum Guarded {
    SIGNUP,
    GUEST_COMMENT,
    PASSWORD_RESET
}
