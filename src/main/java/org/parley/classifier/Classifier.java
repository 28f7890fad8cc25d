package org.parley.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Parley's civility classifier: scores a comment's plain text per {@link Category} and points at the words behind
 * the high scores. The entry point of this package; thread-safe, each thread reuses its own buffers, so
 * classifying allocates little beyond the result.
 */
public final class Classifier {

    /** Where the model shipped in the jar lives on the classpath. */
    public static final String DEFAULT_MODEL = "/classifier/model.bin";

    private final Model model;
    private final Features features;
    private final String version;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    Classifier(Model model, String version) {
        this.model = model;
        this.features = new Features(model.bits);
        this.version = version;
    }

    /** The classifier with the model shipped in the jar. */
    public static Classifier loadDefault() {
        try (InputStream in = Classifier.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the shipped model " + DEFAULT_MODEL + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the shipped model ({@link #modelVersion()}), without loading it. */
    public static String defaultModelVersion() {
        try (InputStream in = Classifier.class.getResourceAsStream(DEFAULT_MODEL)) {
            return in == null ? "missing" : Model.version(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classifier with the model in this file (as written by {@code parley train}). */
    public static Classifier load(Path modelFile) {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return read(new java.io.BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Classifier read(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        Adler32 adler = new Adler32();
        Model model = Model.read(in, crc, adler);
        return new Classifier(model, Model.version(crc, adler));
    }

    static Classifier fromBytes(byte[] bytes) {
        return new Classifier(Model.fromBytes(bytes), Model.version(bytes));
    }

    /** Scores a comment's plain text and finds the spans behind each category at or above its nudge threshold. */
    public Classification classify(String plainText) {
        Workspace workspace = workspaces.get();
        Scores scores = score(plainText, workspace);
        List<Span> spans = new ArrayList<>();
        for (Category category : Category.values()) {
            if (category != Category.UNCIVIL && scores.get(category) >= model.thresholds.nudge(category)) {
                workspace.spans.find(workspace.text, workspace.vector, category, spans);
            }
        }
        if (spans.isEmpty() && scores.uncivil() >= model.thresholds.nudge(Category.UNCIVIL)) {
            workspace.spans.find(workspace.text, workspace.vector, Category.UNCIVIL, spans);
        }
        return new Classification(scores, spans);
    }

    /** Scores a comment's plain text, without spans. */
    public Scores score(String plainText) {
        return score(plainText, workspaces.get());
    }

    private Scores score(String plainText, Workspace workspace) {
        Normalizer.normalize(plainText, workspace.text);
        features.extract(workspace.text, workspace.vector);
        model.logits(workspace.vector, workspace.logits);
        double[] p = workspace.logits;
        for (int c = 0; c < Category.COUNT; c++) {
            p[c] = 1 / (1 + Math.exp(-p[c]));
        }
        return Scores.of(p);
    }

    /** Writes the model to a file that {@link #load(Path)} reads back. */
    public void save(Path modelFile) throws IOException {
        Files.write(modelFile, model.toBytes());
    }

    /** The score bands shipped with the model. */
    public Thresholds thresholds() {
        return model.thresholds;
    }

    /** A short content hash of the model file: changes whenever the model does. */
    public String modelVersion() {
        return version;
    }

    /** One thread's reusable buffers. */
    private final class Workspace {
        final NormalizedText text = new NormalizedText();
        final FeatureVector vector = new FeatureVector();
        final double[] logits = new double[Category.COUNT];
        final SpanFinder spans = new SpanFinder(model, features);
    }
}
