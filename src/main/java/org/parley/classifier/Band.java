package org.parley.classifier;

import java.util.Locale;
import java.util.Optional;

/**
 * What a comment's scores call for under a model's {@link Thresholds}: nothing, a nudge (ask the writer to
 * revise), a hold (a moderator first) or a rejection. {@link #code()} is the lowercase name the API and the
 * settings use.
 */
public enum Band {
    NONE, NUDGE, HOLD, REJECT;

    /** The three bands a threshold can be set for, mildest first. */
    public static final Band[] LEVELS = {NUDGE, HOLD, REJECT};

    /** The contract's name: {@code none}, {@code nudge}, {@code hold}, {@code reject}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The band with this name, if there is one. */
    public static Optional<Band> fromCode(String code) {
        for (Band band : values()) {
            if (band.code().equals(code)) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }
}
