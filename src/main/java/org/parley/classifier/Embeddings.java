package org.parley.classifier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * Embeds many texts for training, on every core, one text at a time (as scoring does). An optional cache file
 * keeps the embeddings of texts seen before, keyed by a 64-bit hash of the text and the encoder's name, so a second
 * training run on the same data does not embed again; it only ever grows, and deleting it is always safe.
 */
public final class Embeddings {

    private final Path cacheFile;
    private final Map<Long, float[]> cache = new HashMap<>();

    /** Embeddings with a cache in this file, or none when it is null. */
    public Embeddings(Path cacheFile) {
        this.cacheFile = cacheFile;
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            readCache();
        }
    }

    /** The embedding of every text, in order. */
    public float[][] of(List<String> texts, Progress progress) {
        float[][] out = new float[texts.size()][];
        Map<Long, float[]> fresh = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            long key = key(texts.get(i));
            float[] embedding = cache.get(key);
            if (embedding == null) {
                embedding = SentenceEncoder.shared().embed(texts.get(i));
                fresh.put(key, embedding);
            }
            out[i] = embedding;
            int n = done.incrementAndGet();
            if (n % 256 == 0 || n == texts.size()) {
                synchronized (progress) {
                    progress.update(n, texts.size(), "embedding");
                }
            }
        });
        if (cacheFile != null && !fresh.isEmpty()) {
            appendCache(fresh);
        }
        cache.putAll(fresh);
        return out;
    }

    private static long key(String text) {
        byte[] bytes = (SentenceEncoder.NAME + '\n' + text).getBytes(StandardCharsets.UTF_8);
        CRC32 low = new CRC32();
        low.update(bytes);
        return ((long) text.hashCode() << 32) ^ low.getValue() ^ ((long) bytes.length << 48);
    }

    private void readCache() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)))) {
            while (true) {
                long key;
                try {
                    key = in.readLong();
                } catch (EOFException end) {
                    return;
                }
                float[] embedding = new float[SentenceEncoder.DIMENSIONS];
                for (int i = 0; i < embedding.length; i++) {
                    embedding[i] = in.readFloat();
                }
                cache.put(key, embedding);
            }
        } catch (EOFException truncated) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendCache(Map<Long, float[]> fresh) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cacheFile,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            for (Map.Entry<Long, float[]> entry : fresh.entrySet()) {
                out.writeLong(entry.getKey());
                for (float v : entry.getValue()) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
