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

    private static volatile Classifier shippedInstance;

    private final Model model;
    private final Features features;
    private final String version;
    /** The site's own layer over this model, or null for the model alone. */
    private final SiteHead siteHead;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    Classifier(Model model, String version) {
        this(model, version, null);
    }

    private Classifier(Model model, String version, SiteHead siteHead) {
        this.model = model;
        this.features = new Features(model.bits);
        this.version = version;
        this.siteHead = siteHead;
    }

    /** This classifier with a site's head over it; the head's bytes give the version. */
    Classifier withSiteHead(SiteHead head) {
        return new Classifier(model, Model.version(head.toBytes()), head);
    }

    SiteHead siteHead() {
        return siteHead;
    }

    /**
     * The shipped model, loaded once per process: what a site model read from bytes or a file sits on when no base
     * is given.
     */
    public static Classifier shipped() {
        Classifier classifier = shippedInstance;
        if (classifier == null) {
            synchronized (Classifier.class) {
                classifier = shippedInstance;
                if (classifier == null) {
                    classifier = loadDefault();
                    shippedInstance = classifier;
                }
            }
        }
        return classifier;
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

    /**
     * The classifier with the model in this file (as written by {@code parley train}); a site model's file sits on
     * the shipped model.
     */
    public static Classifier load(Path modelFile) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(modelFile), 1 << 16)) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (SiteHead.isSiteHead(magic)) {
                return fromBytes(in.readAllBytes(), shipped());
            }
            return read(in);
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

    /** The classifier with the model in these bytes (the contents of a model file). */
    public static Classifier fromBytes(byte[] bytes) {
        return SiteHead.isSiteHead(bytes) ? fromBytes(bytes, shipped())
                : new Classifier(Model.fromBytes(bytes), Model.version(bytes));
    }

    /** The classifier with a site model's bytes over {@code base}, or the full model in the bytes. */
    public static Classifier fromBytes(byte[] bytes, Classifier base) {
        if (!SiteHead.isSiteHead(bytes)) {
            return fromBytes(bytes);
        }
        return new Classifier(base.model, Model.version(bytes), SiteHead.fromBytes(bytes));
    }

    /**
     * Scores a comment's plain text and finds the spans behind each category at or above its nudge threshold: the
     * words whose n-grams drove it, or, where no word did (the encoder's judgement), the sentence without which the
     * score falls the most.
     */
    public Classification classify(String plainText) {
        Workspace workspace = workspaces.get();
        Scores scores = score(plainText, workspace);
        Thresholds bands = thresholds();
        List<Span> spans = new ArrayList<>();
        List<Category> unexplained = new ArrayList<>();
        for (Category category : Category.JUDGED) {
            if (scores.get(category) >= bands.nudge(category)) {
                int before = spans.size();
                workspace.spans.find(workspace.text, workspace.vector, category, spans);
                if (spans.size() == before) {
                    unexplained.add(category);
                }
            }
        }
        if (spans.isEmpty() && unexplained.isEmpty() && scores.uncivil() >= bands.nudge(Category.UNCIVIL)) {
            workspace.spans.find(workspace.text, workspace.vector, Category.UNCIVIL, spans);
        }
        for (Category category : unexplained) {
            SentenceOcclusion.find(plainText, category, scores.get(category), this::score).ifPresent(spans::add);
        }
        return new Classification(scores, spans);
    }

    /** Scores a comment's plain text, without spans. */
    public Scores score(String plainText) {
        return score(plainText, workspaces.get());
    }

    private Scores score(String plainText, Workspace workspace) {
        if (siteHead != null) {
            return siteScore(plainText, workspace);
        }
        ngramLogits(plainText, workspace);
        double[] p = workspace.logits;
        EncoderHeads heads = model.encoder;
        if (heads != null) {
            double[] ngram = workspace.ngram;
            for (int c = 0; c < Category.COUNT; c++) {
                ngram[c] = sigmoid(p[c]);
            }
            float[] embedding = heads.skips(ngram) ? null : SentenceEncoder.shared().embed(workspace.text.toString());
            for (int c = 0; c < Category.COUNT; c++) {
                double encoderLogit = embedding == null ? heads.skipLogit[c] : heads.logit(embedding, c);
                p[c] = heads.mix(c, p[c], encoderLogit);
            }
        }
        for (int c = 0; c < Category.COUNT; c++) {
            p[c] = sigmoid(p[c]);
        }
        return Scores.of(p);
    }

    /** A site model's scores: its heads over the embedding and the base logits, the base where it has none. */
    private Scores siteScore(String plainText, Workspace workspace) {
        ngramLogits(plainText, workspace);
        float[] embedding = SentenceEncoder.shared().embed(workspace.text.toString());
        double[] base = baseLogits(embedding, workspace.logits);
        float[] x = SiteHead.features(embedding, base);
        double[] p = workspace.logits;
        for (int c = 0; c < Category.COUNT; c++) {
            p[c] = sigmoid(siteHead.trained[c] ? siteHead.logit(x, c) : base[c]);
        }
        return Scores.of(p);
    }

    /** The base model's logits, the encoder always run: what a site head learns from. */
    double[] baseLogits(String plainText, float[] embedding) {
        return baseLogits(embedding, ngramLogits(plainText));
    }

    private double[] baseLogits(float[] embedding, double[] ngram) {
        double[] logits = ngram.clone();
        EncoderHeads heads = model.encoder;
        if (heads != null) {
            for (int c = 0; c < Category.COUNT; c++) {
                logits[c] = heads.mix(c, ngram[c], heads.logit(embedding, c));
            }
        }
        return logits;
    }

    /** The n-gram heads' logits, into the workspace's {@code logits}; its text and vector hold the features. */
    private void ngramLogits(String plainText, Workspace workspace) {
        Normalizer.normalize(plainText, workspace.text);
        features.extract(workspace.text, workspace.vector);
        model.logits(workspace.vector, workspace.logits);
    }

    /** The n-gram heads' logits of a text, by category ordinal (for training the encoder heads beside them). */
    double[] ngramLogits(String plainText) {
        Workspace workspace = workspaces.get();
        ngramLogits(plainText, workspace);
        return workspace.logits.clone();
    }

    /** Whether this model mixes in the sentence encoder. */
    public boolean usesEncoder() {
        return model.encoder != null || siteHead != null;
    }

    /**
     * Loads the sentence encoder now, if the model uses it, so that the first comment does not wait for it
     * (about a second). The server starts this on a thread of its own as it starts, so it does not wait either.
     */
    public void warmUp() {
        if (usesEncoder()) {
            SentenceEncoder.shared().embed("Warming up.");
        }
    }

    Model model() {
        return model;
    }

    /**
     * How the encoder is mixed in, for people: per category the two heads' weights, and the cascade's cut; empty
     * for a model of n-grams alone.
     */
    public String encoderSummary() {
        return model.encoder == null ? "" : model.encoder.summary();
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** Writes the model to a file that {@link #load(Path)} reads back. */
    public void save(Path modelFile) throws IOException {
        Files.write(modelFile, toBytes());
    }

    /** The bytes of the model's file: a site model's own layer only, or the whole model. */
    public byte[] toBytes() {
        return siteHead != null ? siteHead.toBytes() : model.toBytes();
    }

    /** Whether this is a site's model over the shipped one. */
    public boolean isSiteModel() {
        return siteHead != null;
    }

    /** The score bands shipped with the model (a site model's own where it has heads). */
    public Thresholds thresholds() {
        return siteHead != null ? siteHead.thresholds : model.thresholds;
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
        final double[] ngram = new double[Category.COUNT];
        final SpanFinder spans = new SpanFinder(model, features);
    }
}
