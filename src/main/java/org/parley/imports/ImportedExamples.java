package org.parley.imports;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import org.parley.comment.CommentStatus;
import org.parley.comment.Markdown;

/**
 * A Disqus or WordPress export read as a site's past moderation, for bootstrapping a site model
 * ({@code parley train --site-examples}): each comment the source published is an {@code approve}, each one it
 * marked as spam or deleted a {@code reject} without a category, and comments still waiting are left out. The
 * rows are {@code text,decision,category}, the text being the comment's plain text as the pipeline scores it, on
 * one line.
 *
 * <p>Spam and deletion are cruder than a moderator's decision: spam is often advertising, and a reader may delete
 * their own comment. Read the examples before training on them where that matters.
 */
public final class ImportedExamples {

    private ImportedExamples() {
    }

    /** How many of each kind were written. */
    public record Written(int approved, int rejected, int leftOut) {
    }

    /** Reads the export and writes its examples as CSV with a header. */
    public static Written write(CommentImport.Format format, InputStream export, Writer out) throws IOException {
        List<SourceComment> comments = format.read(export).comments();
        CsvSchema schema = CsvSchema.builder().addColumn("text").addColumn("decision").addColumn("category")
                .build().withHeader();
        int approved = 0;
        int rejected = 0;
        int leftOut = 0;
        try (SequenceWriter rows = new CsvMapper().writer(schema).writeValues(out)) {
            for (SourceComment comment : comments) {
                String decision = decision(comment.status());
                String text = Markdown.render(comment.body()).plainText().strip().replaceAll("\\s+", " ");
                if (decision == null || text.isEmpty()) {
                    leftOut++;
                    continue;
                }
                rows.write(List.of(text, decision, ""));
                if (decision.equals("approve")) {
                    approved++;
                } else {
                    rejected++;
                }
            }
        }
        return new Written(approved, rejected, leftOut);
    }

    private static String decision(CommentStatus status) {
        return switch (status) {
            case PUBLISHED -> "approve";
            case REJECTED, REMOVED -> "reject";
            default -> null;
        };
    }
}
