package org.parley.moderation.phase;

import java.util.List;
import java.util.Optional;
import org.parley.classifier.Words;
import org.parley.moderation.Phase;
import org.parley.moderation.Reason;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;

/**
 * The site's own word lists: a banned word rejects the comment ({@code words.banned}), a suspect word holds it
 * ({@code words.suspect}). Both the list entries and the comment pass the classifier's normalization, so "f.o.o",
 * "F00" and "fooo" all match a listed "foo"; matching is by whole words, and an entry of several words matches
 * those words in a row. Doubled letters count as one on both sides, so stretching a word ("fooo", "ffoo") does not
 * hide it.
 */
public final class WordLists implements Phase {

    @Override
    public Optional<Verdict> check(Submission submission) {
        if (submission.settings().bannedWords().isEmpty() && submission.settings().suspectWords().isEmpty()) {
            return Optional.empty();
        }
        List<String> text = words(submission.plainText());
        if (containsAny(text, submission.settings().bannedWords())) {
            return Optional.of(Verdict.reject(new Reason("words.banned",
                    "The comment uses a word this site does not publish.")));
        }
        if (containsAny(text, submission.settings().suspectWords())) {
            return Optional.of(Verdict.hold(new Reason("words.suspect",
                    "The comment uses a word a moderator checks first.")));
        }
        return Optional.empty();
    }

    private static boolean containsAny(List<String> text, List<String> entries) {
        for (String entry : entries) {
            List<String> phrase = words(entry);
            if (!phrase.isEmpty() && contains(text, phrase)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        return Words.of(text).stream().map(word -> squeeze(word.text())).toList();
    }

    /** The word with every run of one letter written once. */
    private static String squeeze(String word) {
        StringBuilder squeezed = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                squeezed.append(word.charAt(i));
            }
        }
        return squeezed.toString();
    }

    private static boolean contains(List<String> text, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            if (text.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
