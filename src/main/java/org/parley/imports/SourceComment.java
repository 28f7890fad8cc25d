package org.parley.imports;

import java.time.Instant;
import org.parley.comment.CommentStatus;

/**
 * A comment as an export gives it, before it is stored: its id in the source, the article it is under, the
 * comment it answers, its author, when it was written, its body as Parley Markdown and the status it maps to.
 *
 * @param sourceId the comment's id in the export
 * @param articleUrl the link of the article (Disqus thread, WordPress post) it is under
 * @param articleTitle that article's title, or ""
 * @param parentSourceId the source id of the comment it answers, or null for a top-level comment
 * @param author who wrote it
 * @param createdAt when it was written, as the export says
 * @param body the body, converted from the export's HTML to Parley's Markdown
 * @param status published, pending, rejected (spam) or removed (deleted), see docs/deploy.md
 */
record SourceComment(String sourceId, String articleUrl, String articleTitle, String parentSourceId,
        SourceAuthor author, Instant createdAt, String body, CommentStatus status) {

    /** An author as an export gives it: a name, and an e-mail address or a user name when the export has them. */
    record SourceAuthor(String name, String email, String userName) {
    }
}
