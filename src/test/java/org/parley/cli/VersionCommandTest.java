package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.classifier.Classifier;
import org.parley.classifier.SentenceEncoder;

class VersionCommandTest {

    @Test
    void prints_the_model_and_encoder_versions_after_parleys() {
        assertThat(VersionCommand.lines()).hasSize(3);
        assertThat(VersionCommand.lines()[1]).isEqualTo("model " + Classifier.loadDefault().modelVersion());
        assertThat(VersionCommand.lines()[2]).isEqualTo("encoder " + SentenceEncoder.NAME);
    }
}
