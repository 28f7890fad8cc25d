package org.parley.moderation.phase;

import java.time.Instant;
import org.parley.account.Account;
import org.parley.site.SiteSettings;
import org.parley.moderation.Submission;
import org.parley.story.Story;
import org.parley.testing.Fixtures;

/** Builds complete submissions for phase tests. */
final class PhaseTesting {

    private PhaseTesting() {
    }

    static Submission submission(Account author, Story story, String body, SiteSettings settings) {
        return new Submission(author, story, null, null, body, body, false, Instant.now(), settings,
                Fixtures.CLASSIFIER.classify(body), Fixtures.CLASSIFIER.modelVersion());
    }
}
