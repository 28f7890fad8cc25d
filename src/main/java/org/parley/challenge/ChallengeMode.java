package org.parley.challenge;

import java.util.Arrays;
import java.util.List;

/**
 * When a site asks for a proof of work (its {@code challenge} setting): on every sign-up, guest comment and password
 * reset ({@code always}), only once those from one client address or from everyone run above the site's limits
 * ({@code threshold}, the default), or never ({@code off}). Immutable.
 */
public enum ChallengeMode {
    ALWAYS("always"),
    THRESHOLD("threshold"),
    OFF("off");

    private final String code;

    ChallengeMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The codes, as the settings spell them. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ChallengeMode::code).toList();
    }

    /** The mode of a stored code; anything unknown is the default, {@link #THRESHOLD}. */
    public static ChallengeMode of(String code) {
        return Arrays.stream(values()).filter(mode -> mode.code.equals(code)).findFirst().orElse(THRESHOLD);
    }
}
