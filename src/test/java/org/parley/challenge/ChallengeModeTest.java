package org.parley.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.site.SiteSettings;

/** The modes the settings accept are the modes the challenge knows; a stored value nobody knows is the default. */
class ChallengeModeTest {

    @Test
    void the_settings_take_exactly_the_modes_and_anything_else_reads_as_threshold() {
        assertThat(Set.copyOf(ChallengeMode.codes())).isEqualTo(SiteSettings.CHALLENGE_MODES);
        assertThat(ChallengeMode.of("always")).isEqualTo(ChallengeMode.ALWAYS);
        assertThat(ChallengeMode.of("sometimes")).isEqualTo(ChallengeMode.THRESHOLD);
        assertThat(SiteSettings.defaults().challenge()).isEqualTo("threshold");
    }
}
