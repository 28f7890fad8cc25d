package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.parley.classifier.Classifier;
import org.parley.classifier.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code parley version}: prints Parley's version and the versions of the shipped classifier's two parts: its model
 * file (n-gram and encoder heads) and the sentence encoder it reads embeddings from.
 */
@Command(name = "version", description = "Print the version and the model's version.")
public final class VersionCommand implements Runnable {

    @Override
    public void run() {
        for (String line : lines()) {
            System.out.println(line);
        }
    }

    static String[] lines() {
        return new String[] {"parley " + parleyVersion(), "model " + Classifier.defaultModelVersion(),
            "encoder " + SentenceEncoder.NAME};
    }

    /** The project version, from a resource Maven fills in at build time. */
    public static String parleyVersion() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/org/parley/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds {@code parley --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
