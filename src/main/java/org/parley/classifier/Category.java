package org.parley.classifier;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of guideline breach the classifier scores; {@link #code()} is the lowercase name the contract uses.
 *
 * <p>{@link #UNCIVIL} is the umbrella: a comment is uncivil when it is any of the other four.
 */
public enum Category {
    /** Profanity, obscenity, vulgar abuse. */
    RUDE,
    /** Threats, incitement, wishing harm, intimidation. */
    AGGRESSIVE,
    /** Insults and personal attacks, demeaning name-calling. */
    DEROGATORY,
    /** Attacks on people for race, ethnicity, nationality, religion, gender, sexual orientation or disability. */
    DISCRIMINATORY,
    /** Any of the above. */
    UNCIVIL;

    /** How many categories there are; the model keeps one head per category in this order. */
    public static final int COUNT = values().length;

    /** The four categories the guidelines name, without the umbrella: what bands and nudges are about. */
    public static final List<Category> JUDGED = List.of(RUDE, AGGRESSIVE, DEROGATORY, DISCRIMINATORY);

    private static final Category[] ALL = values();

    /** The contract's name: {@code rude}, {@code aggressive}, {@code derogatory}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category with this contract name, if there is one. */
    public static Optional<Category> fromCode(String code) {
        for (Category category : ALL) {
            if (category.code().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** The category at this ordinal, without copying {@link #values()}. */
    static Category at(int ordinal) {
        return ALL[ordinal];
    }
}
