package org.parley.classifier;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pretrained sentence encoder beside the n-gram features: all-MiniLM-L6-v2 (quantized, 384 dimensions, mean
 * pooled and normalized) on ONNX Runtime, in-process. Why this encoder and not e5-small: docs/decisions/0013.
 *
 * <p>Each comment is embedded alone, never in a batch: the quantized model's output shifts a little with the
 * batch it runs in (cosine 0.98 to 0.99), and a comment's score must not depend on its neighbours. Each call runs
 * on the calling thread with one ONNX thread, so concurrent requests use the cores side by side instead of
 * fighting over them. Thread-safe; load it once ({@link #shared()}), it holds 23 MB of weights.
 */
public final class SentenceEncoder {

    /** The encoder's name and the version of the artifact it ships in, recorded with every model trained on it. */
    public static final String NAME = "all-minilm-l6-v2-q/1.19.0-beta29";
    /** Length of an embedding. */
    public static final int DIMENSIONS = 384;

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static volatile SentenceEncoder shared;

    private final Embedder embedder;

    private SentenceEncoder(Embedder embedder) {
        this.embedder = embedder;
    }

    /** The one encoder of this process, loaded on first use. */
    public static SentenceEncoder shared() {
        SentenceEncoder encoder = shared;
        if (encoder == null) {
            synchronized (SentenceEncoder.class) {
                encoder = shared;
                if (encoder == null) {
                    encoder = load();
                    shared = encoder;
                }
            }
        }
        return encoder;
    }

    private static SentenceEncoder load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                return new SentenceEncoder(
                        new Embedder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the sentence encoder: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the sentence encoder's " + name + " is missing from the classpath");
        }
        return in;
    }

    /**
     * What the encoder reads of a comment: the words the n-grams read, joined by spaces, so that an evasion the
     * normalizer undoes ({@code 1d10t}, look-alike letters, zero-width spaces) is undone for the encoder too.
     */
    static String inputOf(String plainText) {
        NormalizedText text = new NormalizedText();
        Normalizer.normalize(plainText, text);
        return text.toString();
    }

    /**
     * The text's embedding: {@value #DIMENSIONS} numbers of unit length. The classifier hands it the normalized
     * words of a comment, not the raw text.
     */
    public float[] embed(String text) {
        String input = text.isBlank() ? "." : text;
        return embedder.embed(input).content().vector();
    }

    /** langchain4j's in-process model around our own ONNX session, run on the calling thread. */
    private static final class Embedder extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Embedder(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
