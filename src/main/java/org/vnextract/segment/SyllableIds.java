package org.vnextract.segment;

import java.util.Arrays;

/**
 * Interned syllable keys (see {@link SyllableKey}): every syllable of the vocabulary, the
 * lexicons and the rule tree gets a small {@code int}, so the segmenter compares and hashes ints,
 * never strings. Id 0 is the empty key, which the rule tree uses for "outside the sentence".
 *
 * <p>Filled while a model is built, then only read: safe for concurrent readers once published
 * through a final field.
 */
final class SyllableIds {
    static final int NONE = -1;
    static final int BOUNDARY = 0;

    private char[] pool = new char[1 << 16];
    private int poolSize;
    private int[] starts = new int[1 << 12];
    private int[] slots; // id + 1, 0 = empty
    private int count;

    SyllableIds() {
        slots = new int[1 << 14];
        add("");
    }

    int size() {
        return count;
    }

    /** The id of {@code key}, adding it when new. */
    int add(String key) {
        char[] buf = key.toCharArray();
        return add(buf, buf.length);
    }

    /** The id of the key {@code buf[0, len)}, adding it when new. */
    int add(char[] key, int len) {
        int id = find(key, len);
        if (id != NONE) {
            return id;
        }
        char[] buf = len == key.length ? key : java.util.Arrays.copyOf(key, len);
        if ((count + 1) * 2 > slots.length) {
            rehash();
        }
        if (poolSize + buf.length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + buf.length));
        }
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        System.arraycopy(buf, 0, pool, poolSize, buf.length);
        id = count++;
        starts[id] = poolSize;
        poolSize += buf.length;
        starts[id + 1] = poolSize;
        insert(id, hash(buf, 0, buf.length));
        return id;
    }

    /** The id of the key {@code buf[0, len)}, or {@link #NONE}. */
    int find(char[] buf, int len) {
        if (len < 0) {
            return NONE;
        }
        int mask = slots.length - 1;
        int i = hash(buf, 0, len) & mask;
        while (true) {
            int s = slots[i];
            if (s == 0) {
                return NONE;
            }
            int id = s - 1;
            if (equal(id, buf, len)) {
                return id;
            }
            i = (i + 1) & mask;
        }
    }

    String key(int id) {
        return new String(pool, starts[id], starts[id + 1] - starts[id]);
    }

    private boolean equal(int id, char[] buf, int len) {
        int s = starts[id];
        if (starts[id + 1] - s != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (pool[s + k] != buf[k]) {
                return false;
            }
        }
        return true;
    }

    private void insert(int id, int h) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int id = 0; id < count; id++) {
            insert(id, hash(pool, starts[id], starts[id + 1] - starts[id]));
        }
    }

    private static int hash(char[] a, int from, int len) {
        int h = 0x9E3779B9;
        for (int k = from; k < from + len; k++) {
            h = (h ^ a[k]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
