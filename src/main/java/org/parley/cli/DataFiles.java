package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.classifier.LabeledCsv;
import org.parley.classifier.LabeledText;

/** Reads the labelled CSV files a command was given, turning a missing or unreadable file into bad usage. */
final class DataFiles {

    private DataFiles() {
    }

    static List<LabeledText> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such data file: " + file);
        }
        try {
            return LabeledCsv.read(file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static List<LabeledText> readAll(List<Path> files) {
        List<LabeledText> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(read(file));
        }
        return all;
    }
}
