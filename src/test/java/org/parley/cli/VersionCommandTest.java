package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.classifier.Classifier;

class VersionCommandTest {

    @Test
    void prints_the_model_version_after_parleys() {
        assertThat(VersionCommand.lines()).hasSize(2);
        assertThat(VersionCommand.lines()[1]).isEqualTo("model " + Classifier.loadDefault().modelVersion());
    }
}
