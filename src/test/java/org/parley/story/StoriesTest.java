package org.parley.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/** Finding the story behind a thread, and creating it on first use, on a real database. */
class StoriesTest {

    private static final String ARTICLE = Fixtures.ORIGIN + "/2026/bridge-repairs";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private Stories stories;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        stories = fixtures.stories;
    }

    @Test
    void a_new_article_gets_an_open_story_without_comments() {
        Story story = stories.findOrCreate(Fixtures.SITE, ARTICLE, "Bridge repairs run late");

        assertThat(story.site()).isEqualTo(Fixtures.SITE);
        assertThat(story.url()).isEqualTo(ARTICLE);
        assertThat(story.title()).isEqualTo("Bridge repairs run late");
        assertThat(story.status()).isEqualTo(StoryStatus.OPEN);
        assertThat(story.commentCount()).isZero();
        assertThat(story.premoderated()).isFalse();
    }

    @Test
    void the_same_article_found_twice_is_one_story_with_its_first_title() {
        Story first = stories.findOrCreate(Fixtures.SITE, ARTICLE, "Bridge repairs run late");

        Story again = stories.findOrCreate(Fixtures.SITE, ARTICLE, "A later headline");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void spellings_of_one_url_lead_to_one_story() {
        Story story = stories.findOrCreate(Fixtures.SITE, ARTICLE, null);

        Story spelledOtherwise = stories.findOrCreate(Fixtures.SITE,
                "HTTPS://News.Example:443/2026/bridge-repairs#comments", null);

        assertThat(spelledOtherwise.id()).isEqualTo(story.id());
    }

    @Test
    void urls_that_differ_in_their_query_are_two_stories() {
        Story first = stories.findOrCreate(Fixtures.SITE, ARTICLE + "?page=1", null);

        Story second = stories.findOrCreate(Fixtures.SITE, ARTICLE + "?page=2", null);

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void an_article_without_a_title_takes_its_url_as_title() {
        assertThat(stories.findOrCreate(Fixtures.SITE, ARTICLE, "  ").title()).isEqualTo(ARTICLE);
    }

    @Test
    void a_long_title_is_cut_to_300_characters() {
        assertThat(stories.findOrCreate(Fixtures.SITE, ARTICLE, "Bridge ".repeat(60)).title()).hasSize(300);
    }

    @Test
    void an_article_on_an_origin_the_site_does_not_allow_is_refused_and_not_stored() {
        String elsewhere = "https://copycat.example/2026/bridge-repairs";

        assertThatThrownBy(() -> stories.findOrCreate(Fixtures.SITE, elsewhere, null))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.FORBIDDEN);
                    assertThat(problem.code()).isEqualTo("origin_not_allowed");
                });
        assertThat(stories.find(Fixtures.SITE, elsewhere)).isEmpty();
    }

    @Test
    void an_address_that_is_not_http_is_refused_on_the_url_field() {
        assertThatThrownBy(() -> stories.findOrCreate(Fixtures.SITE, "ftp://news.example/2026/bridge", null))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("url"));
    }

    @Test
    void an_unknown_site_is_not_found() {
        assertThatThrownBy(() -> stories.findOrCreate("nowhere", ARTICLE, null))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("site_not_found"));
    }

    @Test
    void requiring_a_story_that_does_not_exist_is_not_found() {
        assertThatThrownBy(() -> stories.require("no-such-story"))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("story_not_found"));
    }
}
