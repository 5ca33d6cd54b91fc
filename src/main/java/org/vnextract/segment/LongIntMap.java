package org.vnextract.segment;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} keys to non-negative {@code int} values, with
 * linear probing and no boxing. The segmenter packs "(trie node, syllable id)" and "(feature,
 * value id)" into one {@code long} and looks them up on every syllable, so this is the hot path.
 *
 * <p>Filled while a model is built, then only read: not thread-safe while {@link #put} is called;
 * safe for any number of concurrent readers once the owner has published it through a final field.
 */
final class LongIntMap {
    static final int MISSING = -1;
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or {@link #MISSING}. */
    int get(long key) {
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** Sets {@code key} to {@code value} (≥ 0); the key {@link Long#MIN_VALUE} is reserved. */
    void put(long key, int value) {
        if (key == EMPTY || value < 0) {
            throw new IllegalArgumentException("key/value: reserved key or negative value");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != EMPTY) {
                put(ok[i], ov[i]);
            }
        }
    }

    /** A 64-bit finaliser (from MurmurHash3's fmix64) so packed keys spread over the table. */
    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return (int) k;
    }
}
