package org.parley.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A site's own layer over the shipped model, learnt from its moderators' decisions alone: per category, a logistic
 * regression over the comment's sentence embedding and the shipped model's five logits.
 *
 * <p>Design note. Retraining the whole model with a few hundred decisions weighed up drowned them in the base data
 * (from 0.684 to 0.707 ROC-AUC after 4,427 real decisions of a newspaper); a small head on frozen embeddings learns
 * a site's line from the decisions themselves, in seconds, and the base logits keep what the shipped model knows.
 * A category gets a head only when the decisions label it both ways often enough ({@link SiteHeadTraining}); the
 * others keep the shipped model's score and band. Spans still come from the shipped model's n-grams.
 *
 * <p>File format (big-endian): the magic {@code PRLS}, format version, the shipped model's version it was trained
 * over (UTF), the encoder's name (UTF), the feature count; per category a trained flag, the nudge, hold and reject
 * thresholds, then (when trained) the bias and the weights.
 */
final class SiteHead {

    static final int MAGIC = 0x50524C53;
    private static final int FORMAT = 1;
    /** Embeddings have unit length: this scale gives their components about unit spread, like the logits'. */
    static final float EMBEDDING_SCALE = (float) Math.sqrt(SentenceEncoder.DIMENSIONS);
    /** Base logits are divided by this, so their weights start on the same footing as the embedding's. */
    static final float LOGIT_SCALE = 4f;
    static final int FEATURES = SentenceEncoder.DIMENSIONS + Category.COUNT;

    final String baseVersion;
    final boolean[] trained;
    final float[][] weights;
    final float[] bias;
    final Thresholds thresholds;

    SiteHead(String baseVersion, boolean[] trained, float[][] weights, float[] bias, Thresholds thresholds) {
        this.baseVersion = baseVersion;
        this.trained = trained.clone();
        this.weights = weights;
        this.bias = bias.clone();
        this.thresholds = thresholds;
    }

    /** The head's input: the scaled embedding, then the scaled base logits. */
    static float[] features(float[] embedding, double[] baseLogits) {
        float[] x = new float[FEATURES];
        for (int i = 0; i < embedding.length; i++) {
            x[i] = embedding[i] * EMBEDDING_SCALE;
        }
        for (int c = 0; c < Category.COUNT; c++) {
            x[SentenceEncoder.DIMENSIONS + c] = (float) (baseLogits[c] / LOGIT_SCALE);
        }
        return x;
    }

    /** The site's logit of a trained category. */
    double logit(float[] features, int category) {
        float[] w = weights[category];
        double sum = bias[category];
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * features[i];
        }
        return sum;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(baseVersion);
            out.writeUTF(SentenceEncoder.NAME);
            out.writeInt(FEATURES);
            for (Category category : Category.values()) {
                int c = category.ordinal();
                out.writeBoolean(trained[c]);
                out.writeFloat((float) thresholds.nudge(category));
                out.writeFloat((float) thresholds.hold(category));
                out.writeFloat((float) thresholds.reject(category));
                if (trained[c]) {
                    out.writeFloat(bias[c]);
                    for (float w : weights[c]) {
                        out.writeFloat(w);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static boolean isSiteHead(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8
                | bytes[3] & 0xff) == MAGIC;
    }

    static SiteHead fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Parley site model");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported site model format " + format);
            }
            String baseVersion = in.readUTF();
            String encoder = in.readUTF();
            if (!encoder.equals(SentenceEncoder.NAME)) {
                throw new IllegalArgumentException("the site model was trained on the encoder " + encoder
                        + ", this Parley has " + SentenceEncoder.NAME);
            }
            if (in.readInt() != FEATURES) {
                throw new IllegalArgumentException("the site model's feature count does not fit this Parley");
            }
            boolean[] trained = new boolean[Category.COUNT];
            float[][] weights = new float[Category.COUNT][];
            float[] bias = new float[Category.COUNT];
            float[] nudge = new float[Category.COUNT];
            float[] hold = new float[Category.COUNT];
            float[] reject = new float[Category.COUNT];
            for (int c = 0; c < Category.COUNT; c++) {
                trained[c] = in.readBoolean();
                nudge[c] = in.readFloat();
                hold[c] = in.readFloat();
                reject[c] = in.readFloat();
                if (trained[c]) {
                    bias[c] = in.readFloat();
                    weights[c] = new float[FEATURES];
                    for (int i = 0; i < FEATURES; i++) {
                        weights[c][i] = in.readFloat();
                    }
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("site model file is too long");
            }
            return new SiteHead(baseVersion, trained, weights, bias, new Thresholds(nudge, hold, reject));
        } catch (EOFException e) {
            throw new IllegalArgumentException("site model file is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
