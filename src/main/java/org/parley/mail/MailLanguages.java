package org.parley.mail;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Which language a mail speaks: the language of the site it is about ({@code sites.language}, a BCP 47 tag), so a
 * reader of a Turkish site gets Turkish mail. A reply notice speaks its story's site's language; a digest its
 * items' sites' language when they share one; an account mail (verification, password reset) the language of the
 * site of the account's newest comment, else of a site it moderates. Anything else, and a language without
 * texts, falls back to English (see {@link MailTexts}).
 */
final class MailLanguages {

    private MailLanguages() {
    }

    /** The locale of a site's language tag; English when there is none. */
    static Locale of(String languageTag) {
        return languageTag == null || languageTag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(languageTag);
    }

    /** The language the given sites' languages share, or English when they differ or there are none. */
    static Locale shared(Collection<String> languageTags) {
        Set<String> distinct = languageTags.stream().collect(Collectors.toSet());
        return distinct.size() == 1 ? of(distinct.iterator().next()) : Locale.ENGLISH;
    }

    /** The language of the account's last site: where it last commented, else a site it moderates, else English. */
    static Locale ofAccount(Handle handle, String accountId) {
        return handle.createQuery("""
                        SELECT si.language FROM comments c JOIN stories s ON s.id = c.story_id
                        JOIN sites si ON si.id = s.site_id
                        WHERE c.author_id = :account ORDER BY c.created_at DESC, c.id DESC LIMIT 1""")
                .bind("account", accountId)
                .mapTo(String.class)
                .findOne()
                .or(() -> handle.createQuery("""
                                SELECT si.language FROM moderator_sites m JOIN sites si ON si.id = m.site_id
                                WHERE m.account_id = :account ORDER BY m.site_id LIMIT 1""")
                        .bind("account", accountId)
                        .mapTo(String.class)
                        .findOne())
                .map(MailLanguages::of)
                .orElse(Locale.ENGLISH);
    }
}
