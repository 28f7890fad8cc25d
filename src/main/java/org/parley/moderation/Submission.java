package org.parley.moderation;

import java.time.Instant;
import org.parley.account.Account;
import org.parley.classifier.Classification;
import org.parley.comment.Comment;
import org.parley.site.SiteSettings;
import org.parley.story.Story;

/**
 * A new or edited comment on its way through the pipeline: everything a phase may look at, read-only.
 *
 * @param author who wrote it
 * @param story the story it belongs to
 * @param parent the comment it answers, or null for a top-level comment
 * @param editing the comment as it stands before an edit, or null for a new comment
 * @param body the Markdown the author wrote
 * @param plainText the text a reader sees, for the checks that read words
 * @param revised true when the author sends it again after a guideline nudge
 * @param now the time of the submission
 * @param settings the site's moderation settings
 * @param classification the classifier's scores and spans for {@code plainText}
 * @param modelVersion the version of the model that scored it
 */
public record Submission(
        Account author,
        Story story,
        Comment parent,
        Comment editing,
        String body,
        String plainText,
        boolean revised,
        Instant now,
        SiteSettings settings,
        Classification classification,
        String modelVersion) {

    public boolean isEdit() {
        return editing != null;
    }
}
