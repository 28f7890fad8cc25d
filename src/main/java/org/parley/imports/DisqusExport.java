package org.parley.imports;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.comment.CommentStatus;

/**
 * Reads a Disqus XML export: {@code <disqus>} holds {@code <thread dsq:id>} elements (an article: its link and
 * title) and {@code <post dsq:id>} elements (a comment: message as HTML, createdAt, author, the thread it is under
 * and the post it answers, and the flags isDeleted and isSpam). A deleted post becomes a removed comment (its
 * replies keep their place under it, it shows as removed), a spam post a rejected one; the rest are published.
 * Threads may come after the posts that name them, so posts are resolved once the whole file is read.
 */
final class DisqusExport {

    private DisqusExport() {
    }

    static ExportContents read(InputStream in) {
        Map<String, XmlElement> threads = new HashMap<>();
        List<XmlElement> posts = new java.util.ArrayList<>();
        XmlExport.read(in, "Disqus", "disqus", 1, List.of("thread", "post"), element -> {
            if (element.name().equals("thread")) {
                threads.putIfAbsent(element.attribute("id"), element);
            } else {
                posts.add(element);
            }
        });
        ExportContents contents = new ExportContents();
        for (XmlElement post : posts) {
            comment(post, threads, contents);
        }
        return contents;
    }

    private static void comment(XmlElement post, Map<String, XmlElement> threads, ExportContents contents) {
        String id = post.attribute("id");
        if (id.isBlank()) {
            contents.skip("?", "a post without a dsq:id");
            return;
        }
        String threadId = post.child("thread").map(thread -> thread.attribute("id")).orElse("");
        XmlElement thread = threads.get(threadId);
        if (thread == null || thread.text("link").isBlank()) {
            contents.skip(id, "its thread " + (threadId.isBlank() ? "is not named" : threadId + " has no link"
                    + (thread == null ? " (the thread is not in the file)" : "")));
            return;
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(post.text("createdAt"));
        } catch (DateTimeParseException e) {
            contents.skip(id, "its date '" + post.text("createdAt") + "' is not an ISO-8601 instant");
            return;
        }
        XmlElement author = post.child("author").orElse(new XmlElement("author", Map.of(), "", List.of()));
        String parent = post.child("parent").map(element -> element.attribute("id")).filter(p -> !p.isBlank())
                .orElse(null);
        CommentStatus status = "true".equals(post.text("isSpam")) ? CommentStatus.REJECTED
                : "true".equals(post.text("isDeleted")) ? CommentStatus.REMOVED : CommentStatus.PUBLISHED;
        contents.add(new SourceComment(id, thread.text("link"), thread.text("title"), parent,
                new SourceComment.SourceAuthor(author.text("name"), author.text("email"), author.text("username")),
                createdAt, HtmlToMarkdown.convert(post.child("message").map(XmlElement::text).orElse(""), false),
                status));
    }
}
