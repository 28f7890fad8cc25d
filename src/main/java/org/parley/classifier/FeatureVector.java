package org.parley.classifier;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A sparse feature vector under construction and, once a group is closed, its weighted values: counts hashed
 * features in an open-addressing table that is reused from text to text (a generation stamp clears it in O(1)).
 * One per thread; not thread-safe.
 */
final class FeatureVector implements IntConsumer {

    /** Buckets of the features, in first-seen order; {@link #value} holds their weights once groups are closed. */
    int[] index = new int[1024];
    float[] value = new float[1024];
    int size;

    /** Per slot: the generation stamp in the high half, the bucket in the low half; one load answers both. */
    private long[] slotKey = new long[4096];
    private int[] slotPosition = new int[4096];
    private int[] count = new int[1024];
    private int stamp = 1;
    private int groupStart;

    private static final float[] SUBLINEAR = new float[64];

    static {
        for (int tf = 1; tf < SUBLINEAR.length; tf++) {
            SUBLINEAR[tf] = (float) (1 + Math.log(tf));
        }
    }

    void clear() {
        size = 0;
        groupStart = 0;
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(slotKey, 0);
            stamp = 1;
        }
    }

    /** Counts one occurrence of a feature. */
    @Override
    public void accept(int bucket) {
        if (size * 2 >= slotKey.length) {
            grow();
        }
        long key = (long) stamp << 32 | bucket & 0xFFFFFFFFL;
        int mask = slotKey.length - 1;
        int slot = (bucket * 0x9E3779B1) >>> 7 & mask;
        for (long at = slotKey[slot]; (int) (at >>> 32) == stamp; at = slotKey[slot]) {
            if (at == key) {
                count[slotPosition[slot]]++;
                return;
            }
            slot = slot + 1 & mask;
        }
        slotKey[slot] = key;
        slotPosition[slot] = size;
        if (size == index.length) {
            index = Arrays.copyOf(index, size * 2);
            value = Arrays.copyOf(value, size * 2);
            count = Arrays.copyOf(count, size * 2);
        }
        index[size] = bucket;
        count[size] = 1;
        size++;
    }

    /**
     * Closes the features added since the last group: each gets the sublinear term weight {@code 1 + ln tf},
     * and the group is scaled to Euclidean length {@code length}.
     */
    void closeGroup(float length) {
        double squares = 0;
        for (int i = groupStart; i < size; i++) {
            int tf = count[i];
            float weight = tf < SUBLINEAR.length ? SUBLINEAR[tf] : (float) (1 + Math.log(tf));
            value[i] = weight;
            squares += weight * weight;
        }
        if (squares > 0) {
            float scale = (float) (length / Math.sqrt(squares));
            for (int i = groupStart; i < size; i++) {
                value[i] *= scale;
            }
        }
        groupStart = size;
    }

    /** The closed value of a feature, or 0 if the text does not have it. */
    float valueOf(int bucket) {
        long key = (long) stamp << 32 | bucket & 0xFFFFFFFFL;
        int mask = slotKey.length - 1;
        int slot = (bucket * 0x9E3779B1) >>> 7 & mask;
        for (long at = slotKey[slot]; (int) (at >>> 32) == stamp; at = slotKey[slot]) {
            if (at == key) {
                return value[slotPosition[slot]];
            }
            slot = slot + 1 & mask;
        }
        return 0;
    }

    private void grow() {
        int capacity = slotKey.length * 2;
        slotKey = new long[capacity];
        slotPosition = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = (index[i] * 0x9E3779B1) >>> 7 & mask;
            while ((int) (slotKey[slot] >>> 32) == stamp) {
                slot = slot + 1 & mask;
            }
            slotKey[slot] = (long) stamp << 32 | index[i] & 0xFFFFFFFFL;
            slotPosition[slot] = i;
        }
    }
}
