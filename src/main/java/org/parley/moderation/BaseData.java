package org.parley.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.classifier.LabeledCsv;
import org.parley.classifier.LabeledText;

/**
 * The base data a server trains site models on: the labelled CSV files named in {@code PARLEY_TRAINING_DATA}
 * (comma-separated paths, the format {@code parley train} reads). The data the shipped model was trained on is
 * not in the jar, so without the variable a site model learns from the site's decisions alone, which is weaker.
 */
public record BaseData(List<Path> files) {

    public BaseData {
        files = List.copyOf(files);
    }

    /** The files named by a comma-separated list, e.g. the value of {@code PARLEY_TRAINING_DATA} (null: none). */
    public static BaseData of(String commaSeparated) {
        List<Path> files = new ArrayList<>();
        if (commaSeparated != null) {
            for (String part : commaSeparated.split(",")) {
                if (!part.isBlank()) {
                    files.add(Path.of(part.strip()));
                }
            }
        }
        return new BaseData(files);
    }

    /** Every example of every file, read anew (the files may change between trainings). */
    public List<LabeledText> read() {
        List<LabeledText> examples = new ArrayList<>();
        for (Path file : files) {
            try {
                examples.addAll(LabeledCsv.read(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read base data " + file, e);
            }
        }
        return examples;
    }
}
