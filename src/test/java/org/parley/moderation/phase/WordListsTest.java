package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.CommentStatus;
import org.parley.site.SiteSettings;
import org.parley.story.Story;
import org.parley.story.StoryStatus;

class WordListsTest {

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story story = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);
    private final SiteSettings lists = SiteSettings.of(Map.of(
            "bannedWords", List.of("grifter", "paid shill"), "suspectWords", List.of("hoax")));

    private CommentStatus statusOf(String text) {
        return new WordLists().check(PhaseTesting.submission(author, story, text, lists))
                .map(verdict -> verdict.status()).orElse(CommentStatus.PUBLISHED);
    }

    @Test
    void a_banned_word_rejects_however_it_is_disguised() {
        assertThat(statusOf("The mayor is a grifter.")).isEqualTo(CommentStatus.REJECTED);
        assertThat(statusOf("The mayor is a GR1FTER.")).isEqualTo(CommentStatus.REJECTED);
        assertThat(statusOf("The mayor is the g r i f t e r.")).isEqualTo(CommentStatus.REJECTED);
        assertThat(statusOf("The mayor is a griifteerrr.")).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void a_banned_phrase_matches_its_words_in_a_row() {
        assertThat(statusOf("He is a paid   shill for the dam lobby.")).isEqualTo(CommentStatus.REJECTED);
        assertThat(statusOf("He paid the shill nothing.")).isEqualTo(CommentStatus.PUBLISHED);
    }

    @Test
    void matching_is_by_whole_words() {
        assertThat(statusOf("The grifters' guild is a novel by a friend.")).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(statusOf("Shoaxing is not a word.")).isEqualTo(CommentStatus.PUBLISHED);
    }

    @Test
    void a_suspect_word_holds_for_a_moderator() {
        assertThat(statusOf("The drought is a hoax.")).isEqualTo(CommentStatus.PENDING);
    }
}
