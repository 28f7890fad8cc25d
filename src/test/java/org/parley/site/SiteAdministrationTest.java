package org.parley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.problem.Problem;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/** Changing a site's settings: only the fields named change, and each is checked before anything is saved. */
class SiteAdministrationTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private SiteAdministration administration;
    private Account admin;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        administration = new SiteAdministration(fixtures.sites, new ModeratorAccess(db.database().jdbi()));
        admin = fixtures.accounts.create("admin@daily.example", "correct horse battery", "Admin", Role.ADMIN);
    }

    @Test
    void a_change_keeps_the_fields_it_does_not_name() {
        administration.change(admin, Fixtures.SITE, null, Map.of("linkLimit", 5, "premoderation", true));

        var view = administration.change(admin, Fixtures.SITE, "Stay on topic.", Map.of("reportsToQueue", 2));

        assertThat(view.guidelines()).isEqualTo("Stay on topic.");
        assertThat(view.settings().linkLimit()).isEqualTo(5);
        assertThat(view.settings().premoderation()).isTrue();
        assertThat(view.settings().reportsToQueue()).isEqualTo(2);
        assertThat(fixtures.sites.settings(Fixtures.SITE)).isEqualTo(view.settings());
        assertThat(fixtures.sites.find(Fixtures.SITE).orElseThrow().guidelines()).isEqualTo("Stay on topic.");
    }

    @Test
    void word_lists_are_stripped_and_kept_once() {
        var view = administration.change(admin, Fixtures.SITE, null,
                Map.of("bannedWords", List.of(" grifter ", "grifter", "shill")));

        assertThat(view.settings().bannedWords()).containsExactly("grifter", "shill");
    }

    @Test
    void thresholds_are_refused_for_a_category_or_band_the_classifier_does_not_have() {
        assertRefused(Map.of("thresholds", Map.of("spam", Map.of("hold", 0.5))), "thresholds");
        assertRefused(Map.of("thresholds", Map.of("rude", Map.of("none", 0.5))), "thresholds");
        assertRefused(Map.of("thresholds", Map.of("rude", Map.of("nudge", 0.7, "hold", 0.5))), "thresholds");
    }

    @Test
    void thresholds_for_each_category_the_classifier_scores_are_taken() {
        var view = administration.change(admin, Fixtures.SITE, null, Map.of("thresholds",
                Map.of("uncivil", Map.of("nudge", 0.2, "hold", 0.4, "reject", 0.9), "rude", Map.of("reject", 0.8))));

        assertThat(view.settings().thresholds()).containsOnlyKeys("uncivil", "rude");
    }

    @Test
    void a_value_out_of_its_range_or_set_is_refused_naming_its_field_and_nothing_is_saved() {
        assertRefused(Map.of("linkLimit", 51), "linkLimit");
        assertRefused(Map.of("newCommenterBar", 1.5), "newCommenterBar");
        assertRefused(Map.of("guestComments", "always"), "guestComments");
        assertRefused(Map.of("deletedAccountComments", "keep"), "deletedAccountComments");
        assertRefused(Map.of("reportsToQueue", 6), "reportsToHold");
        assertThat(fixtures.sites.settings(Fixtures.SITE)).isEqualTo(SiteSettings.defaults());
    }

    @Test
    void a_reader_may_not_change_a_sites_settings() {
        Account reader = fixtures.accounts.create("reader@daily.example", "correct horse battery", "Reader",
                Role.READER);

        assertThatThrownBy(() -> administration.change(reader, Fixtures.SITE, null, Map.of("linkLimit", 3)))
                .isInstanceOf(Problem.class);
        assertThat(fixtures.sites.settings(Fixtures.SITE).linkLimit()).isEqualTo(2);
    }

    private void assertRefused(Map<String, ?> change, String field) {
        assertThatThrownBy(() -> administration.change(admin, Fixtures.SITE, null, change))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo(field));
    }
}
