package org.parley.imports;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.parley.comment.CommentStatus;

/**
 * Reads the comments of a WordPress export (WXR): {@code <rss><channel>} holds {@code <item>}s (a post or page: its
 * link and title) whose {@code <wp:comment>}s carry an id, author, e-mail, date (GMT), content (text with
 * WordPress' line breaks and some HTML), approval and parent. Approved comments ({@code 1}) are published,
 * unapproved ({@code 0}) pending, {@code spam} rejected and {@code trash} removed; pingbacks and trackbacks are
 * skipped, as they are links from other sites rather than readers' words.
 */
final class WordPressExport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WordPressExport() {
    }

    static ExportContents read(InputStream in) {
        ExportContents contents = new ExportContents();
        XmlExport.read(in, "WordPress (WXR)", "rss", 2, List.of("item"), item -> {
            for (XmlElement comment : item.all("comment")) {
                comment(item, comment, contents);
            }
        });
        return contents;
    }

    private static void comment(XmlElement item, XmlElement comment, ExportContents contents) {
        String id = comment.text("comment_id");
        if (id.isBlank()) {
            contents.skip("?", "a comment without a comment_id under '" + item.text("title") + "'");
            return;
        }
        String type = comment.text("comment_type");
        if (type.equals("pingback") || type.equals("trackback")) {
            contents.skip(id, "a " + type + ", not a reader's comment");
            return;
        }
        if (item.text("link").isBlank()) {
            contents.skip(id, "its post has no link");
            return;
        }
        CommentStatus status = switch (comment.text("comment_approved")) {
            case "1", "approve" -> CommentStatus.PUBLISHED;
            case "0", "hold" -> CommentStatus.PENDING;
            case "spam" -> CommentStatus.REJECTED;
            case "trash" -> CommentStatus.REMOVED;
            default -> null;
        };
        if (status == null) {
            contents.skip(id, "its approval '" + comment.text("comment_approved") + "' is not 1, 0, spam or trash");
            return;
        }
        Instant createdAt = date(comment);
        if (createdAt == null) {
            contents.skip(id, "its date '" + comment.text("comment_date_gmt") + "' is not a date");
            return;
        }
        String parent = comment.text("comment_parent");
        contents.add(new SourceComment(id, item.text("link"), item.text("title"),
                parent.isEmpty() || parent.equals("0") ? null : parent,
                new SourceComment.SourceAuthor(comment.text("comment_author"), comment.text("comment_author_email"),
                        comment.text("comment_user_id").equals("0") ? "" : comment.text("comment_user_id")),
                createdAt, HtmlToMarkdown.convert(comment.child("comment_content").map(XmlElement::text).orElse(""),
                        true), status));
    }

    /** The GMT date, or the local date read as UTC when the GMT one is WordPress' zero date. */
    private static Instant date(XmlElement comment) {
        for (String field : List.of("comment_date_gmt", "comment_date")) {
            String value = comment.text(field);
            if (value.isEmpty() || value.startsWith("0000-00-00")) {
                continue;
            }
            try {
                return LocalDateTime.parse(value, DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
