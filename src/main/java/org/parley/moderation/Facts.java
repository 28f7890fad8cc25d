package org.parley.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.classifier.Category;
import org.parley.classifier.Span;

/**
 * What a guideline restriction rests on, for its statement of reasons (DSA Art. 17, docs/moderation.md): the
 * category (for the civility check the strongest category among its reasons {@code civility.<category>}) and the
 * facts, the passages the classifier flagged as JSON {@code [{category, text}]} cut from the plain text it saw.
 * Stateless; thread-safe.
 */
public final class Facts {

    /** The ground of a decision under the site's community guidelines. */
    public static final String GUIDELINES = "guidelines";

    private Facts() {
    }

    /** The basis of the pipeline's hold or rejection of a submission; null when it published the comment. */
    static ModerationStore.Basis ofVerdict(Submission submission, Verdict verdict) {
        if (verdict.status() == org.parley.comment.CommentStatus.PUBLISHED) {
            return new ModerationStore.Basis(null, null, null);
        }
        Category strongest = null;
        for (Reason reason : verdict.reasons()) {
            if (!reason.code().startsWith("civility.")) {
                continue;
            }
            Optional<Category> category = Category.fromCode(reason.code().substring("civility.".length()));
            if (category.isPresent() && (strongest == null || submission.classification().scores().get(category.get())
                    > submission.classification().scores().get(strongest))) {
                strongest = category.get();
            }
        }
        String facts = strongest == null ? null : passages(submission.plainText(), submission.classification().spans());
        return new ModerationStore.Basis(GUIDELINES, strongest == null ? null : strongest.code(), facts);
    }

    /** The flagged passages of {@code plainText} as JSON {@code [{category, text}]}, in the text's order. */
    static String passages(String plainText, List<Span> spans) {
        List<Map<String, String>> passages = new ArrayList<>();
        spans.stream().sorted(java.util.Comparator.comparingInt(Span::start)).forEach(span -> {
            int start = Math.min(span.start(), plainText.length());
            int end = Math.min(span.end(), plainText.length());
            if (end > start) {
                Map<String, String> passage = new LinkedHashMap<>();
                passage.put("category", span.category().code());
                passage.put("text", plainText.substring(start, end));
                passages.add(passage);
            }
        });
        return ModerationStore.json(passages);
    }

    /** The facts the pipeline logged for a comment, its latest entry with any; null when it logged none. */
    static String pipelineFacts(Handle handle, String commentId) {
        return handle.createQuery("""
                        SELECT facts FROM moderation_log WHERE comment_id = :comment AND actor_id IS NULL
                        AND facts IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1""")
                .bind("comment", commentId)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    }
}
