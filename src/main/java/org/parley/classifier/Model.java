package org.parley.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A trained civility model: one logistic-regression head per {@link Category} over the hashed {@link Features},
 * plus the {@link Thresholds} chosen for it.
 *
 * <p>Design note. Logistic regression on hashed word and char n-grams is the classical strong baseline of the
 * Jigsaw toxicity competitions (TF-IDF + LR reached 0.974 mean ROC-AUC there, within 0.015 of the BERT winners)
 * and it scores a comment in microseconds, explains itself (each word's share of the logit gives the
 * {@link Span}s) and retrains in minutes on two cores. The heads are independent, so a data set that labels only
 * some categories trains only those heads (see {@link Trainer}).
 *
 * <p>Weights are stored bucket-major ({@code weight[bucket * 5 + category]}), so the five heads read one cache
 * line per feature, and quantized to 16-bit integers with one scale per head, which halves the file and the
 * memory traffic; the step is 1/32767 of the head's largest weight.
 *
 * <p>File format (big-endian): the magic {@code PRLY}, format version, hash bits, category count; per category its
 * bias, weight scale and the nudge, hold and reject thresholds (floats); then the weights as shorts; in format 2,
 * then the {@link EncoderHeads} section. Format 1 (n-grams alone) is still read. Immutable and thread-safe.
 */
final class Model {

    private static final int MAGIC = 0x50524C59;
    private static final int FORMAT = 1;
    private static final int FORMAT_WITH_ENCODER = 2;
    private static final int HEADER_BYTES = 16 + Category.COUNT * 5 * 4;

    final int bits;
    final float[] bias;
    final float[] scale;
    final short[] weights;
    final Thresholds thresholds;
    /** The encoder heads and their mixing, or null for a model of n-grams alone (format 1). */
    final EncoderHeads encoder;

    Model(int bits, float[] bias, float[] scale, short[] weights, Thresholds thresholds) {
        this(bits, bias, scale, weights, thresholds, null);
    }

    Model(int bits, float[] bias, float[] scale, short[] weights, Thresholds thresholds, EncoderHeads encoder) {
        if (weights.length != (1 << bits) * Category.COUNT) {
            throw new IllegalArgumentException("weights do not match " + bits + " hash bits");
        }
        this.bits = bits;
        this.bias = bias.clone();
        this.scale = scale.clone();
        this.weights = weights;
        this.thresholds = thresholds;
        this.encoder = encoder;
    }

    /** The same model with other thresholds and encoder heads. */
    Model with(Thresholds thresholds, EncoderHeads encoder) {
        return new Model(bits, bias, scale, weights, thresholds, encoder);
    }

    /** Quantizes float weights (bucket-major) into a model. */
    static Model quantize(int bits, float[] bias, float[] weights, Thresholds thresholds) {
        float[] scale = new float[Category.COUNT];
        for (int i = 0; i < weights.length; i++) {
            int c = i % Category.COUNT;
            scale[c] = Math.max(scale[c], Math.abs(weights[i]));
        }
        for (int c = 0; c < Category.COUNT; c++) {
            scale[c] = scale[c] == 0 ? 1 : scale[c] / Short.MAX_VALUE;
        }
        short[] quantized = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            quantized[i] = (short) Math.round(weights[i] / scale[i % Category.COUNT]);
        }
        return new Model(bits, bias, scale, quantized, thresholds);
    }

    /** The logit of each category for a closed feature vector, into {@code logits}. */
    void logits(FeatureVector features, double[] logits) {
        double rude = 0;
        double aggressive = 0;
        double derogatory = 0;
        double discriminatory = 0;
        double uncivil = 0;
        int[] index = features.index;
        float[] value = features.value;
        short[] w = weights;
        for (int k = 0; k < features.size; k++) {
            int base = index[k] * Category.COUNT;
            float v = value[k];
            rude += v * w[base];
            aggressive += v * w[base + 1];
            derogatory += v * w[base + 2];
            discriminatory += v * w[base + 3];
            uncivil += v * w[base + 4];
        }
        logits[0] = rude * scale[0] + bias[0];
        logits[1] = aggressive * scale[1] + bias[1];
        logits[2] = derogatory * scale[2] + bias[2];
        logits[3] = discriminatory * scale[3] + bias[3];
        logits[4] = uncivil * scale[4] + bias[4];
    }

    /** The weight of one feature bucket for one category. */
    double weight(int bucket, int category) {
        return weights[bucket * Category.COUNT + category] * scale[category];
    }

    /** The model as the bytes of its file. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER_BYTES + weights.length * 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(encoder == null ? FORMAT : FORMAT_WITH_ENCODER);
            out.writeInt(bits);
            out.writeInt(Category.COUNT);
            float[] nudge = thresholds.nudges();
            float[] hold = thresholds.holds();
            float[] reject = thresholds.rejects();
            for (int c = 0; c < Category.COUNT; c++) {
                out.writeFloat(bias[c]);
                out.writeFloat(scale[c]);
                out.writeFloat(nudge[c]);
                out.writeFloat(hold[c]);
                out.writeFloat(reject[c]);
            }
            ByteBuffer buffer = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.BIG_ENDIAN);
            buffer.asShortBuffer().put(weights);
            out.write(buffer.array());
            if (encoder != null) {
                encoder.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a model from the bytes of its file. */
    static Model fromBytes(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), new CRC32(), new Adler32());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a model file from a stream in chunks, feeding every byte to the two checksums of {@link #version}; no
     * copy of the whole file is ever held, which halves the memory and time of loading the shipped model.
     */
    static Model read(InputStream stream, CRC32 crc, Adler32 adler) throws IOException {
        byte[] header = stream.readNBytes(HEADER_BYTES);
        crc.update(header);
        adler.update(header);
        ByteBuffer in = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        if (header.length < HEADER_BYTES || in.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a Parley classifier model");
        }
        int format = in.getInt();
        if (format != FORMAT && format != FORMAT_WITH_ENCODER) {
            throw new IllegalArgumentException("unsupported model format " + format);
        }
        int bits = in.getInt();
        int categories = in.getInt();
        if (categories != Category.COUNT || bits < 4 || bits > 26) {
            throw new IllegalArgumentException("model header does not fit this version of Parley");
        }
        float[] bias = new float[categories];
        float[] scale = new float[categories];
        float[] nudge = new float[categories];
        float[] hold = new float[categories];
        float[] reject = new float[categories];
        for (int c = 0; c < categories; c++) {
            bias[c] = in.getFloat();
            scale[c] = in.getFloat();
            nudge[c] = in.getFloat();
            hold[c] = in.getFloat();
            reject[c] = in.getFloat();
        }
        short[] weights = new short[(1 << bits) * categories];
        byte[] chunk = new byte[1 << 16];
        ByteBuffer chunkView = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int filled = 0;
        while (filled < weights.length) {
            int wanted = Math.min(chunk.length, (weights.length - filled) * 2);
            int read = stream.readNBytes(chunk, 0, wanted);
            if (read != wanted) {
                throw new IllegalArgumentException("model file is truncated");
            }
            crc.update(chunk, 0, read);
            adler.update(chunk, 0, read);
            chunkView.clear();
            chunkView.asShortBuffer().get(weights, filled, read / 2);
            filled += read / 2;
        }
        EncoderHeads encoder = null;
        if (format == FORMAT_WITH_ENCODER) {
            byte[] rest = stream.readAllBytes();
            crc.update(rest);
            adler.update(rest);
            DataInputStream section = new DataInputStream(new ByteArrayInputStream(rest));
            try {
                encoder = EncoderHeads.read(section);
            } catch (java.io.EOFException e) {
                throw new IllegalArgumentException("model file is truncated");
            }
            if (section.read() != -1) {
                throw new IllegalArgumentException("model file is too long");
            }
        } else if (stream.read() != -1) {
            throw new IllegalArgumentException("model file is too long");
        }
        return new Model(bits, bias, scale, weights, new Thresholds(nudge, hold, reject), encoder);
    }

    /**
     * A short content hash of a model file's bytes, the model's version: CRC-32 and the high half of Adler-32, 48
     * bits in 12 hex digits. Versioning needs change detection, not collision resistance, and both checksums run
     * as native code even in a cold JVM, where SHA-256 alone would take most of the 300 ms load budget.
     */
    static String version(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return version(crc, adler);
    }

    static String version(CRC32 crc, Adler32 adler) {
        return String.format("%08x%04x", crc.getValue(), adler.getValue() >>> 16);
    }
}
