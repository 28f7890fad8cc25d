package org.parley.classifier;

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
import java.util.Map;

/**
 * Reads labelled examples from an RFC-4180 CSV file with a header: a {@code text} column, optionally {@code split},
 * and a column per category named by its {@link Category#code()} holding {@code 1}, {@code 0} or nothing (unknown).
 * A missing category column is unknown for every row. The file name without extension names the source.
 */
public final class LabeledCsv {

    private LabeledCsv() {
    }

    /** All examples of a file, in file order. */
    public static List<LabeledText> read(Path file) throws IOException {
        String source = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        CsvMapper mapper = new CsvMapper();
        List<LabeledText> examples = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            int line = 1;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                String text = row.get("text");
                if (text == null) {
                    throw new IOException(file + " has no 'text' column");
                }
                byte[] labels = new byte[Category.COUNT];
                for (Category category : Category.values()) {
                    labels[category.ordinal()] = label(row.get(category.code()), file, line);
                }
                String split = row.get("split") == null ? "" : row.get("split");
                examples.add(new LabeledText(source, text, labels, split, Split.of(split, text)));
            }
        }
        return examples;
    }

    private static byte label(String cell, Path file, int row) throws IOException {
        if (cell == null || cell.isBlank()) {
            return LabeledText.UNKNOWN;
        }
        return switch (cell.trim()) {
            case "1", "1.0", "true", "True" -> 1;
            case "0", "0.0", "false", "False" -> 0;
            default -> throw new IOException(file + ": record " + row + " has label '" + cell + "', not 0, 1 or empty");
        };
    }
}
