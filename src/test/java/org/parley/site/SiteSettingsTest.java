package org.parley.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.classifier.Band;
import org.parley.classifier.Category;

/** A site's settings: one declaration of the fields, their defaults, and a change by their JSON names. */
class SiteSettingsTest {

    @Test
    void a_site_that_set_nothing_moderates_with_the_defaults() {
        SiteSettings defaults = SiteSettings.defaults();

        assertThat(defaults.bannedWords()).isEmpty();
        assertThat(defaults.linkLimit()).isEqualTo(2);
        assertThat(defaults.premoderation()).isFalse();
        assertThat(defaults.reportsToQueue()).isEqualTo(3);
        assertThat(defaults.reportsToHold()).isEqualTo(5);
        assertThat(defaults.editWindowMinutes()).isNull();
        assertThat(defaults.guestComments()).isEqualTo("off");
        assertThat(defaults.acceptsGuests()).isFalse();
        assertThat(defaults.removesDeletedAccountComments()).isFalse();
    }

    @Test
    void a_change_sets_the_fields_it_names_and_keeps_the_others() {
        SiteSettings strict = SiteSettings.of(Map.of("linkLimit", 0, "bannedWords", List.of("grifter")));

        SiteSettings changed = strict.patched(Map.of("premoderation", true, "notAField", 1));

        assertThat(changed.premoderation()).isTrue();
        assertThat(changed.linkLimit()).isZero();
        assertThat(changed.bannedWords()).containsExactly("grifter");
        assertThat(changed).isEqualTo(SiteSettings.of(Map.of("linkLimit", 0, "bannedWords", List.of("grifter"),
                "premoderation", true)));
    }

    @Test
    void a_field_given_as_null_keeps_its_value() {
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("linkLimit", null);

        assertThat(SiteSettings.of(Map.of("linkLimit", 7)).patched(change).linkLimit()).isEqualTo(7);
    }

    @Test
    void a_value_of_the_wrong_kind_is_refused() {
        assertThatThrownBy(() -> SiteSettings.of(Map.of("premoderation", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholds_are_read_by_category_and_band() {
        SiteSettings site = SiteSettings.of(Map.of("thresholds", Map.of("rude", Map.of("hold", 0.6))));

        assertThat(site.threshold(Category.RUDE, Band.HOLD)).contains(0.6);
        assertThat(site.threshold(Category.RUDE, Band.REJECT)).isEmpty();
        assertThat(site.threshold(Category.AGGRESSIVE, Band.HOLD)).isEmpty();
    }

    @Test
    void the_field_names_are_the_record_components_in_order() {
        assertThat(SiteSettings.fields()).startsWith("bannedWords", "suspectWords", "linkLimit")
                .endsWith("closeAfterDays", "challenge", "challengeComplexity", "challengeAddressLimit",
                        "challengeSiteLimit").hasSize(17);
    }
}
