package org.parley.notice;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.problem.Problem;

/**
 * The legal categories of a notice of illegal content (DSA Art. 16), modelled on the categories of the EU's DSA
 * transparency database. The codes are stable: they are stored in {@code notices.category} and in
 * {@code moderation_log.category} (ground {@code illegal}), and the widget, the dashboard and the transparency
 * report read them. The labels are English; the widget and dashboard translate them by code. Immutable.
 */
public enum NoticeCategory {
    ILLEGAL_HATE_SPEECH("Illegal hate speech"),
    VIOLENCE_OR_THREATS("Violence or threats"),
    TERRORIST_CONTENT("Terrorist content"),
    CHILD_SEXUAL_ABUSE("Child sexual abuse material"),
    DEFAMATION("Defamation"),
    PRIVACY_VIOLATION("Violation of privacy or personal data"),
    INTELLECTUAL_PROPERTY("Intellectual property infringement"),
    SCAM_OR_FRAUD("Scam or fraud"),
    OTHER_ILLEGAL("Other illegal content");

    private final String label;

    NoticeCategory(String label) {
        this.label = label;
    }

    /** The category of a code; 422 listing the codes for anything else. */
    public static NoticeCategory ofCode(String code) {
        return Arrays.stream(values())
                .filter(category -> category.code().equals(code))
                .findFirst()
                .orElseThrow(() -> Problem.unprocessable("unknown_category", "Choose a legal category: "
                        + Arrays.stream(values()).map(NoticeCategory::code).collect(Collectors.joining(", "))
                        + ".", "category"));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /**
     * Whether the notifier may stay anonymous: Art. 16(2)(c) asks for a name and e-mail address except for
     * notices of child sexual abuse material (offences under Directive 2011/93/EU, Articles 3 to 7).
     */
    public boolean identityOptional() {
        return this == CHILD_SEXUAL_ABUSE;
    }
}
