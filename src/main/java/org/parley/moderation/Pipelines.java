package org.parley.moderation;

import org.parley.comment.CommentRules;
import org.parley.moderation.phase.BannedUser;
import org.parley.moderation.phase.BodyLength;
import org.parley.moderation.phase.LinkLimit;
import org.parley.moderation.phase.PreModeration;
import org.parley.moderation.phase.RepeatPost;
import org.parley.moderation.phase.StoryClosed;

/** The pipeline Parley runs, its phases in their one documented order. */
public final class Pipelines {

    private Pipelines() {
    }

    /**
     * The standard order. Refusals of the request come first and cost least (closed story, length, a banned
     * author, a repeated post); then the rules that hold or reject what is stored (links, premoderation).
     */
    public static Pipeline standard(ModerationStore store, CommentRules rules) {
        return Pipeline.of(
                new StoryClosed(),
                new BodyLength(rules.maxBodyLength()),
                new BannedUser(store),
                new RepeatPost(store),
                new LinkLimit(),
                new PreModeration());
    }
}
