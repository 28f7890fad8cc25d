package org.parley.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.classifier.Classifier;

/**
 * Turns a classifier into the bytes a site model is stored as and back. The classifier package reads and writes
 * models as files only, so this goes through a temporary file; a model is saved or loaded rarely (when trained,
 * and once per site after an activation).
 */
final class ModelBytes {

    private ModelBytes() {
    }

    static byte[] of(Classifier classifier) {
        Path file = null;
        try {
            file = Files.createTempFile("parley-model-", ".bin");
            classifier.save(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    static Classifier classifier(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("parley-model-", ".bin");
            Files.write(file, bytes);
            return Classifier.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }
}
