package org.parley.learning;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.classifier.Category;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Split;

/**
 * A site's archive of moderated comments read as examples, for bootstrapping a site model before the site has
 * decisions in Parley: a CSV file with the columns {@code text}, {@code decision} ({@code approve} or
 * {@code reject}) and {@code category} (one of the four, or empty). Each row is labelled exactly as a decision in
 * Parley is ({@link DecisionExamples}), and held back by the same rule, on a hash of its text.
 */
public final class SiteExamples {

    private SiteExamples() {
    }

    /** The examples of a file, split into training and held-back ones. */
    public record Read(List<LabeledText> train, List<LabeledText> heldBack) {
    }

    /** Reads the file; a row that breaks the format is an {@link IllegalArgumentException} naming its line. */
    public static Read read(Path file) throws IOException {
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> heldBack = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                if (line == 2 && (!row.containsKey("text") || !row.containsKey("decision"))) {
                    throw new IllegalArgumentException(file + ": the header must name the columns text, decision"
                            + " and category");
                }
                LabeledText example = example(row, file, line);
                (DecisionExamples.heldBack(example.text()) ? heldBack : train).add(example);
            }
        } catch (com.fasterxml.jackson.databind.RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(file + ": not a CSV file of text,decision,category: "
                    + e.getMessage());
        }
        return new Read(train, heldBack);
    }

    private static LabeledText example(Map<String, String> row, Path file, int line) {
        String text = row.getOrDefault("text", "");
        if (text.isBlank()) {
            throw new IllegalArgumentException(file + " line " + line + ": the text is empty");
        }
        String decision = row.getOrDefault("decision", "").trim().toLowerCase(Locale.ROOT);
        String category = row.getOrDefault("category", "").trim().toLowerCase(Locale.ROOT);
        if (!category.isEmpty() && (category.equals(Category.UNCIVIL.code())
                || Category.fromCode(category).isEmpty())) {
            throw new IllegalArgumentException(file + " line " + line + ": the category must be rude, aggressive,"
                    + " derogatory, discriminatory or empty, not '" + category + "'");
        }
        byte[] labels = switch (decision) {
            case "approve" -> DecisionExamples.civil();
            case "reject" -> DecisionExamples.uncivil(category.isEmpty() ? null : category);
            default -> throw new IllegalArgumentException(file + " line " + line
                    + ": the decision must be approve or reject, not '" + decision + "'");
        };
        return new LabeledText(DecisionExamples.SOURCE, text, labels, "", Split.TRAIN);
    }
}
