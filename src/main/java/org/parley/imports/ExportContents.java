package org.parley.imports;

import java.util.ArrayList;
import java.util.List;

/** What a reader found in an export: the comments to import, and the rows it skipped with the reason why. */
final class ExportContents {

    private final List<SourceComment> comments = new ArrayList<>();
    private final List<ImportSummary.Skipped> skipped = new ArrayList<>();

    void add(SourceComment comment) {
        comments.add(comment);
    }

    void skip(String sourceId, String reason) {
        skipped.add(new ImportSummary.Skipped(sourceId, reason));
    }

    List<SourceComment> comments() {
        return comments;
    }

    List<ImportSummary.Skipped> skipped() {
        return skipped;
    }
}
