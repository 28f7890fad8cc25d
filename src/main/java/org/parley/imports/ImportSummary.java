package org.parley.imports;

import java.util.List;

/**
 * What an import did: comments added, comments present from an earlier run, accounts and stories created, and
 * the rows skipped with the reason why.
 */
public record ImportSummary(int added, int alreadyPresent, int accountsCreated, int storiesCreated,
        List<Skipped> skipped) {

    /** A row of the export that was not imported: its id in the export (or "?") and why. */
    public record Skipped(String sourceId, String reason) {
    }
}
