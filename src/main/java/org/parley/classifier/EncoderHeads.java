package org.parley.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The second half of a model: one logistic-regression head per {@link Category} over the
 * {@link SentenceEncoder}'s embedding, and how its logit is mixed with the n-gram head's.
 *
 * <p>Design note. The final logit of a category is {@code mixNgram·n + mixEncoder·e + mixBias}, where {@code n} and
 * {@code e} are the two heads' logits; the three numbers are fitted per category on the dev split (stacking with a
 * logistic regression of two inputs), so neither side's weight is guessed. The encoder costs milliseconds where the
 * n-grams cost microseconds, so it runs as a cascade: when the four categories' n-gram probabilities are all
 * under {@code skipBelow}
 * the comment is plainly civil to the n-grams, the encoder is not run and {@code e} is taken as
 * {@code skipLogit}, the mean encoder logit of such comments on the dev split. The cut is chosen on the dev split
 * as the highest that leaves the bands' decisions as they are with the encoder run on every comment (see
 * {@link EncoderTraining}).
 *
 * <p>File section (big-endian, after the n-gram weights of a format-2 model file): the encoder's name (UTF),
 * dimensions, {@code skipBelow}; per category its bias, {@code mixNgram}, {@code mixEncoder}, {@code mixBias},
 * {@code skipLogit} and the weights as floats.
 */
final class EncoderHeads {

    final String encoder;
    final float[][] weights;
    final float[] bias;
    final float[] mixNgram;
    final float[] mixEncoder;
    final float[] mixBias;
    final float[] skipLogit;
    final float skipBelow;

    EncoderHeads(String encoder, float[][] weights, float[] bias, float[] mixNgram, float[] mixEncoder,
            float[] mixBias, float[] skipLogit, float skipBelow) {
        if (weights.length != Category.COUNT) {
            throw new IllegalArgumentException("need one encoder head per category");
        }
        this.encoder = encoder;
        this.weights = weights;
        this.bias = bias;
        this.mixNgram = mixNgram;
        this.mixEncoder = mixEncoder;
        this.mixBias = mixBias;
        this.skipLogit = skipLogit;
        this.skipBelow = skipBelow;
    }

    /** The same heads with other mixing, skip logits and cut. */
    EncoderHeads withMixing(float[] ngram, float[] encoder, float[] mixBias, float[] skipLogit, float skipBelow) {
        return new EncoderHeads(this.encoder, weights, bias, ngram, encoder, mixBias, skipLogit, skipBelow);
    }

    /** The encoder head's logit of a category for an embedding. */
    double logit(float[] embedding, int category) {
        float[] w = weights[category];
        double sum = bias[category];
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * embedding[i];
        }
        return sum;
    }

    /**
     * Whether n-gram probabilities this low let the encoder be skipped: those of the four categories that set
     * bands. The umbrella is left out: it rises with the length and heat of any argument, and would send most long
     * comments to the encoder without changing a band.
     */
    boolean skips(double[] ngramProbabilities) {
        return skips(ngramProbabilities, skipBelow);
    }

    /** Whether these n-gram probabilities skip the encoder under a cut; a cut of 0 never skips. */
    static boolean skips(double[] ngramProbabilities, float cut) {
        if (cut <= 0) {
            return false;
        }
        for (Category category : Category.JUDGED) {
            if (ngramProbabilities[category.ordinal()] >= cut) {
                return false;
            }
        }
        return true;
    }

    /** The mixed logit of a category from the two heads' logits. */
    double mix(int category, double ngramLogit, double encoderLogit) {
        return mixNgram[category] * ngramLogit + mixEncoder[category] * encoderLogit + mixBias[category];
    }

    /** How the encoder is mixed in, for people: per category the two heads' weights, and the cascade's cut. */
    String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "encoder %s, run when an n-gram score reaches %.2f%n", encoder, skipBelow));
        for (Category category : Category.values()) {
            int c = category.ordinal();
            out.append(String.format(Locale.ROOT, "  %-15s logit = %.2f n-gram + %.2f encoder %+.2f%n",
                    category.code(), mixNgram[c], mixEncoder[c], mixBias[c]));
        }
        return out.toString();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(encoder);
        out.writeInt(weights[0].length);
        out.writeFloat(skipBelow);
        for (int c = 0; c < Category.COUNT; c++) {
            out.writeFloat(bias[c]);
            out.writeFloat(mixNgram[c]);
            out.writeFloat(mixEncoder[c]);
            out.writeFloat(mixBias[c]);
            out.writeFloat(skipLogit[c]);
            for (float w : weights[c]) {
                out.writeFloat(w);
            }
        }
    }

    static EncoderHeads read(DataInputStream in) throws IOException {
        String encoder = in.readUTF();
        if (!encoder.equals(SentenceEncoder.NAME)) {
            throw new IllegalArgumentException("the model was trained on the encoder " + encoder
                    + ", this Parley has " + SentenceEncoder.NAME);
        }
        int dimensions = in.readInt();
        if (dimensions != SentenceEncoder.DIMENSIONS) {
            throw new IllegalArgumentException("model's encoder heads have " + dimensions + " dimensions");
        }
        float skipBelow = in.readFloat();
        float[][] weights = new float[Category.COUNT][dimensions];
        float[] bias = new float[Category.COUNT];
        float[] mixNgram = new float[Category.COUNT];
        float[] mixEncoder = new float[Category.COUNT];
        float[] mixBias = new float[Category.COUNT];
        float[] skipLogit = new float[Category.COUNT];
        for (int c = 0; c < Category.COUNT; c++) {
            bias[c] = in.readFloat();
            mixNgram[c] = in.readFloat();
            mixEncoder[c] = in.readFloat();
            mixBias[c] = in.readFloat();
            skipLogit[c] = in.readFloat();
            for (int i = 0; i < dimensions; i++) {
                weights[c][i] = in.readFloat();
            }
        }
        return new EncoderHeads(encoder, weights, bias, mixNgram, mixEncoder, mixBias, skipLogit, skipBelow);
    }

    static int byteSize() {
        return 2 + SentenceEncoder.NAME.getBytes(StandardCharsets.UTF_8).length + 8
                + Category.COUNT * (5 + SentenceEncoder.DIMENSIONS) * 4;
    }
}
