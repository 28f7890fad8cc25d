package org.parley.moderation;

import org.parley.classifier.Classifier;
import org.parley.comment.CommentRules;
import org.parley.learning.SiteClassifiers;
import org.parley.moderation.phase.BannedUser;
import org.parley.moderation.phase.BodyLength;
import org.parley.moderation.phase.Civility;
import org.parley.moderation.phase.GuestAuthor;
import org.parley.moderation.phase.NewCommenter;
import org.parley.moderation.phase.WordLists;
import org.parley.moderation.phase.LinkLimit;
import org.parley.moderation.phase.PreModeration;
import org.parley.moderation.phase.RepeatPost;
import org.parley.moderation.phase.StoryClosed;
import org.parley.story.StoryClosing;

/** The pipeline Parley runs, its phases in their one documented order. */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * The standard order. Refusals of the request come first and cost least: a closed story, the length, a banned
     * author, a repeated post. Then the rules that can reject what is stored, so a rejection ends the run before
     * anyone is nudged: the site's word lists. Then links, which hold. Then civility, which rejects, nudges the
     * writer (nothing stored) or holds. Last the holds that concern the author or the place rather than the words:
     * the new-commenter rule, guests' comments and premoderation.
     */
    public static Pipeline standard(ModerationStore store, StoryClosing closing, CommentRules rules,
            Classifier classifier) {
        return standard(store, closing, rules, SiteClassifiers.shippedOnly(classifier));
    }

    /** The standard order, with civility judged by each site's own classifier. */
    public static Pipeline standard(ModerationStore store, StoryClosing closing, CommentRules rules,
            SiteClassifiers classifiers) {
        return Pipeline.of(
                new StoryClosed(closing),
                new BodyLength(rules.maxBodyLength()),
                new BannedUser(store),
                new RepeatPost(store),
                new WordLists(),
                new LinkLimit(),
                new Civility(classifiers),
                new NewCommenter(store),
                new GuestAuthor(),
                new PreModeration());
    }
}
