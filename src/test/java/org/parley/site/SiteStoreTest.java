package org.parley.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.TestDatabase;

/** The one writer of a sites row: its fields, its settings and its sign-in keys, each kept when another changes. */
class SiteStoreTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private SiteStore store;

    @BeforeEach
    void setUp() {
        store = new SiteStore(db.database().jdbi());
        store.save(new Site("daily", "The Daily", List.of("https://daily.example"), "Be kind."), Instant.EPOCH);
    }

    @Test
    void a_site_that_never_changed_its_settings_reads_the_defaults() {
        assertThat(store.settings("daily")).isEqualTo(SiteSettings.defaults());
        assertThat(store.settings("no-such-site")).isEqualTo(SiteSettings.defaults());
    }

    @Test
    void saving_the_site_keeps_its_settings_and_keys() {
        SiteSettings premoderated = SiteSettings.of(Map.of("premoderation", true, "linkLimit", 4));
        store.saveSettings("daily", premoderated);
        store.saveSsoKeys("daily", new SsoKeys("s".repeat(32), null));

        store.save(new Site("daily", "The Daily Example", List.of("https://daily.example"), "Be kinder."),
                Instant.EPOCH);

        assertThat(store.settings("daily")).isEqualTo(premoderated);
        assertThat(store.ssoKeys("daily")).contains(new SsoKeys("s".repeat(32), null));
        assertThat(store.find("daily").orElseThrow().guidelines()).isEqualTo("Be kinder.");
    }

    @Test
    void saving_settings_keeps_the_sites_fields_and_keys() {
        store.saveSsoKeys("daily", new SsoKeys(null, "a public key"));

        store.saveSettings("daily", SiteSettings.of(Map.of("guestComments", "pending")));

        assertThat(store.find("daily").orElseThrow().name()).isEqualTo("The Daily");
        assertThat(store.ssoKeys("daily").orElseThrow().publicKey()).isEqualTo("a public key");
        assertThat(store.settings("daily").acceptsGuests()).isTrue();
    }

    @Test
    void a_change_saved_here_applies_at_once_to_the_settings_the_pipeline_reuses() {
        assertThat(store.recentSettings("daily").premoderation()).isFalse();

        store.saveSettings("daily", SiteSettings.of(Map.of("premoderation", true)));

        assertThat(store.recentSettings("daily").premoderation()).isTrue();
    }

    @Test
    void an_unknown_site_has_no_keys() {
        assertThat(store.ssoKeys("no-such-site")).isEmpty();
    }
}
