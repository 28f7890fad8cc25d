package org.parley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/** Creating and changing sites, every value checked before it is stored, on a real database. */
class SitesTest {

    private static final Sites.SiteFields WEEKLY = new Sites.SiteFields("The Weekly Example",
            List.of("https://weekly.example"), null, null);

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private Sites sites;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        sites = new Sites(fixtures.sites, java.time.Clock.systemUTC());
    }

    private static void assertInvalid(Runnable change, String field) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo(field));
    }

    @Test
    void a_new_site_without_guidelines_or_language_gets_the_defaults() {
        Site site = sites.create("weekly", WEEKLY);

        assertThat(site.guidelines()).isEqualTo(Site.DEFAULT_GUIDELINES);
        assertThat(site.language()).isEqualTo(Site.DEFAULT_LANGUAGE);
        assertThat(sites.require("weekly")).isEqualTo(site);
    }

    @Test
    void origins_are_normalized_and_given_once() {
        Site site = sites.create("weekly", new Sites.SiteFields("The Weekly Example",
                List.of("HTTPS://Weekly.Example:443/", "https://weekly.example", "http://weekly.example:8080"), null,
                null));

        assertThat(site.origins()).containsExactly("https://weekly.example", "http://weekly.example:8080");
    }

    @Test
    void a_site_id_that_is_taken_is_a_conflict() {
        assertThatThrownBy(() -> sites.create(Fixtures.SITE, WEEKLY))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(problem.code()).isEqualTo("site_exists");
                });
        assertThat(sites.require(Fixtures.SITE).origins()).containsExactly(Fixtures.ORIGIN);
    }

    @Test
    void a_change_keeps_the_fields_it_leaves_out() {
        sites.create("weekly", new Sites.SiteFields("The Weekly Example", List.of("https://weekly.example"),
                "Stay on topic.", "tr"));

        Site changed = sites.change("weekly", new Sites.SiteFields("Weekly", null, null, null));

        assertThat(changed).isEqualTo(new Site("weekly", "Weekly", List.of("https://weekly.example"),
                "Stay on topic.", "tr"));
    }

    @Test
    void changing_an_unknown_site_is_not_found() {
        assertThatThrownBy(() -> sites.change("nowhere", WEEKLY))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("site_not_found"));
    }

    @Test
    void an_id_with_capitals_or_spaces_is_refused() {
        assertInvalid(() -> sites.create("The Weekly", WEEKLY), "id");
    }

    @Test
    void an_origin_with_a_path_is_refused() {
        assertInvalid(() -> sites.create("weekly", new Sites.SiteFields("The Weekly Example",
                List.of("https://weekly.example/news"), null, null)), "origins");
    }

    @Test
    void a_site_without_origins_is_refused() {
        assertInvalid(() -> sites.create("weekly", new Sites.SiteFields("The Weekly Example", List.of(), null, null)),
                "origins");
    }

    @Test
    void a_blank_name_is_refused() {
        assertInvalid(() -> sites.create("weekly", new Sites.SiteFields(" ", List.of("https://weekly.example"),
                null, null)), "name");
    }

    @Test
    void a_language_that_is_not_a_tag_is_refused() {
        assertInvalid(() -> sites.create("weekly", new Sites.SiteFields("The Weekly Example",
                List.of("https://weekly.example"), null, "Turkish")), "language");
    }
}
