package org.parley.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Parley's own export format, NDJSON: one JSON object per line, {@code {"type": TABLE, ...columns}}, in an order
 * that imports cleanly (sites, accounts, stories, comments, respects, reports, the moderation log, notices of
 * illegal content and appeals). Accounts leave
 * without password hashes (they arrive with an unusable one, so they cannot sign in with a password), sessions and API
 * tokens never leave. Import is idempotent: rows whose key exists are skipped, so a re-run adds nothing.
 *
 * <p>Column lists are spelled out here, once, so that the format is stable whatever the schema adds later.
 */
public final class Portability {

    /** A table of the format: its name, its key and the columns carried. */
    private record Table(String name, String key, List<String> columns) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("sites", "id", List.of("id", "name", "origins", "guidelines", "settings", "created_at")),
            new Table("accounts", "id", List.of("id", "email", "display_name", "role", "created_at")),
            new Table("stories", "id", List.of("id", "site_id", "url", "title", "status", "comment_count",
                    "premoderated", "created_at", "reopened_at")),
            new Table("comments", "id", List.of("id", "story_id", "parent_id", "root_id", "depth", "reply_to_id",
                    "author_id", "body", "html", "status", "featured", "respect_count", "reply_count", "created_at",
                    "edited_at", "scores", "model_version", "reasons", "open_reports", "decided_by", "decided_at")),
            new Table("respects", "comment_id, account_id", List.of("comment_id", "account_id", "story_id",
                    "created_at")),
            new Table("reports", "id", List.of("id", "comment_id", "account_id", "story_id", "reason", "note",
                    "created_at")),
            new Table("moderation_log", "id", List.of("id", "site_id", "comment_id", "subject_id", "actor_id",
                    "action", "reason", "scores", "model_version", "created_at", "category", "ground", "facts")),
            new Table("notices", "id", List.of("id", "site_id", "comment_id", "category", "explanation",
                    "notifier_account_id", "notifier_name", "notifier_email", "good_faith", "status", "decided_by",
                    "decided_at", "decision_reason", "created_at")),
            new Table("appeals", "id", List.of("id", "site_id", "comment_id", "appellant_id", "notice_id", "reason",
                    "contested_log_id", "contested_action", "contested_by", "status", "decided_by", "decided_at",
                    "outcome_reason", "created_at")));

    /** An import's tally: rows added and rows skipped (present already) per table. */
    public record Summary(Map<String, Integer> added, Map<String, Integer> skipped) {
    }

    /**
     * The password hash of an account that came in by import (from an export, or as an imported comment's author):
     * not a hash at all, so no password matches it; its owner signs in after a password reset.
     */
    public static final String NO_PASSWORD = "!imported: reset the password to sign in";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public Portability(Database database) {
        this.database = database;
    }

    /** Writes every row of the site ({@code null}: every site) and answers the count per table. */
    public Map<String, Integer> export(String siteId, Writer out) {
        return export(siteId, out, written -> { });
    }

    /** {@link #export(String, Writer)}, telling {@code rowsWritten} how many rows are written so far. */
    public Map<String, Integer> export(String siteId, Writer out, LongConsumer rowsWritten) {
        long[] written = {0};
        Map<String, Integer> counts = new LinkedHashMap<>();
        database.jdbi().useHandle(handle -> {
            for (Table table : TABLES) {
                int[] count = {0};
                var query = handle.createQuery("SELECT " + String.join(", ", table.columns()) + " FROM "
                        + table.name() + (siteId == null ? "" : " WHERE " + siteFilter(table))
                        + (table.name().equals("comments") ? " ORDER BY depth, created_at, id" : ""));
                if (siteId != null) {
                    query.bind("site", siteId);
                }
                query.mapToMap()
                        .forEach(row -> {
                            write(out, table.name(), row);
                            count[0]++;
                            rowsWritten.accept(++written[0]);
                        });
                counts.put(table.name(), count[0]);
            }
        });
        return counts;
    }

    /** Reads an export and adds the rows this database lacks. */
    public Summary importFrom(BufferedReader in) {
        return importFrom(in, read -> { });
    }

    /** {@link #importFrom(BufferedReader)}, telling {@code linesRead} how many lines are read so far. */
    public Summary importFrom(BufferedReader in, LongConsumer linesRead) {
        Map<String, Integer> added = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        database.jdbi().useTransaction(handle -> {
            int lineNumber = 0;
            for (String line = readLine(in); line != null; line = readLine(in)) {
                lineNumber++;
                linesRead.accept(lineNumber);
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parse(line, lineNumber);
                Table table = TABLES.stream().filter(t -> t.name().equals(row.path("type").asText())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("line " + row + ": unknown type"));
                boolean inserted = insert(handle, table, row);
                (inserted ? added : skipped).merge(table.name(), 1, Integer::sum);
            }
        });
        return new Summary(added, skipped);
    }

    private static boolean insert(Handle handle, Table table, JsonNode row) {
        List<String> columns = table.name().equals("accounts")
                ? List.of("id", "email", "display_name", "role", "created_at", "password_hash") : table.columns();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (")
                .append(String.join(", ", columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? ":" : ", :").append(columns.get(i));
        }
        sql.append(") ON CONFLICT DO NOTHING");
        var update = handle.createUpdate(sql.toString());
        for (String column : columns) {
            if (column.equals("password_hash")) {
                update.bind(column, NO_PASSWORD);
                continue;
            }
            JsonNode value = row.get(column);
            if (value == null || value.isNull()) {
                update.bindByType(column, null, isNumeric(column) ? Long.class : String.class);
            } else if (value.isNumber()) {
                update.bind(column, value.asLong());
            } else {
                update.bind(column, value.asText());
            }
        }
        return update.execute() == 1;
    }

    private static boolean isNumeric(String column) {
        return column.endsWith("_at") || column.endsWith("_count") || column.equals("depth")
                || column.equals("featured") || column.equals("premoderated") || column.equals("open_reports")
                || column.equals("good_faith");
    }

    private static String siteFilter(Table table) {
        return switch (table.name()) {
            case "sites" -> "id = :site";
            case "stories", "moderation_log", "notices", "appeals" -> "site_id = :site";
            case "accounts" -> "id IN (SELECT c.author_id FROM comments c JOIN stories s ON s.id = c.story_id"
                    + " WHERE s.site_id = :site) OR id IN (SELECT r.account_id FROM respects r JOIN stories s"
                    + " ON s.id = r.story_id WHERE s.site_id = :site) OR id IN (SELECT p.account_id FROM reports p"
                    + " JOIN stories s ON s.id = p.story_id WHERE s.site_id = :site)"
                    + " OR id IN (SELECT notifier_account_id FROM notices WHERE site_id = :site)"
                    + " OR id IN (SELECT appellant_id FROM appeals WHERE site_id = :site)";
            case "comments" -> "story_id IN (SELECT id FROM stories WHERE site_id = :site)";
            default -> "story_id IN (SELECT id FROM stories WHERE site_id = :site)";
        };
    }

    private static void write(Writer out, String type, Map<String, Object> row) {
        ObjectNode node = JSON.createObjectNode().put("type", type);
        row.forEach((column, value) -> node.set(column, JSON.valueToTree(value)));
        try {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line, int lineNumber) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("line " + lineNumber + " is not JSON: " + e.getMessage());
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
