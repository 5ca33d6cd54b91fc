package org.vnextract.extract.places;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vnextract.text.Fold;

/**
 * A set of phrases of whole words, each with a value, matched against folded tokens (case and
 * tone-mark placement ignored, surrounding dots dropped: "TP." = "tp", "Huyện uỷ" = "huyện ủy").
 * Each word is a number of a {@link Vocabulary} shared by the sets, and the phrases are two tries of
 * those numbers, one read forwards (a phrase starting at a token) and one backwards (a phrase ending
 * before a token): a match compares ints, never builds a string. The first word of every phrase is
 * also kept as a first letter and a name-key hash, so that most tokens are ruled out without folding
 * them.
 *
 * <p>Immutable after construction; thread-safe.
 *
 * @param <V> the value of a phrase
 */
final class Phrases<V> {
    private final Vocabulary vocabulary;
    private final Trie forward = new Trie();
    private final Trie backward = new Trie();
    /** The first letters of the first words, lower case: most tokens are ruled out by one char. */
    private final boolean[] firstChars = new boolean[0x1F00];
    /**
     * {@link #firstChars} read through {@link Character#toLowerCase}, for every char of the table:
     * filled on first use after the phrases are added, so that the per-token test is one array read.
     */
    private volatile boolean[] anyCaseFirstChars;
    /** Hashes of the name keys of the first words ({@link Gazetteer#keyHash}), as a one-hash filter. */
    private final boolean[] firstKeys = new boolean[1 << 16];
    private int maxWords;

    Phrases(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    void add(String phrase, V value) {
        String f = Fold.fold(phrase);
        if (f.isEmpty()) {
            return;
        }
        String[] words = f.split(" ");
        int[] ids = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            ids[k] = vocabulary.add(words[k]);
        }
        forward.put(ids, value);
        int[] reversed = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            reversed[k] = ids[ids.length - 1 - k];
        }
        backward.put(reversed, value);
        maxWords = Math.max(maxWords, words.length);
        String first = phrase.strip().split("\\s+")[0].toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        for (String w : new String[] {first, words[0]}) {
            firstKeys[Gazetteer.keyHash(w, 0, w.length()) & (firstKeys.length - 1)] = true;
            if (!w.isEmpty() && w.charAt(0) < firstChars.length) {
                firstChars[w.charAt(0)] = true;
            }
        }
    }

    int maxWords() {
        return maxWords;
    }

    /** False when no phrase starts with a word beginning with {@code c} (any case). */
    boolean mayStartWith(char c) {
        boolean[] any = anyCaseFirstChars;
        if (any == null) {
            any = anyCase();
        }
        return c >= any.length || any[c];
    }

    /** {@link #firstChars} for either case; idempotent, so a race only builds it twice. */
    private boolean[] anyCase() {
        boolean[] any = new boolean[firstChars.length];
        for (int c = 0; c < any.length; c++) {
            char l = Character.toLowerCase((char) c);
            any[c] = l >= firstChars.length || firstChars[l];
        }
        anyCaseFirstChars = any;
        return any;
    }

    /**
     * False when no phrase starts with the token text[start, end) (its name key ruled out by hash);
     * true says only that it may.
     */
    boolean mayStartWith(String text, int start, int end) {
        return firstKeys[Gazetteer.keyHash(text, start, end) & (firstKeys.length - 1)];
    }

    /** The root of the tries: no word read yet. */
    static final int ROOT = 0;

    /** The node after reading word {@code id} forwards from {@code node}, or -1 when no phrase goes on so. */
    int next(int node, int id) {
        return id < 0 ? -1 : forward.child(node, id);
    }

    /** The node after reading word {@code id} backwards from {@code node}, or -1. */
    int previous(int node, int id) {
        return id < 0 ? -1 : backward.child(node, id);
    }

    /** The value of the phrase read forwards to {@code node}, or null when no phrase ends there. */
    @SuppressWarnings("unchecked")
    V valueForward(int node) {
        return (V) forward.value(node);
    }

    /** The value of the phrase read backwards to {@code node}, or null. */
    @SuppressWarnings("unchecked")
    V valueBackward(int node) {
        return (V) backward.value(node);
    }

    /** The value of a folded phrase, or null (for tests and tools; the scan reads the tries). */
    V get(String folded) {
        int node = ROOT;
        for (String w : folded.split(" ", -1)) {
            node = next(node, vocabulary.id(w));
            if (node < 0) {
                return null;
            }
        }
        return valueForward(node);
    }

    static <V> Phrases<V> of(Vocabulary vocabulary, List<String> lines, java.util.function.Function<String[], V> value) {
        Phrases<V> p = new Phrases<>(vocabulary);
        for (String l : lines) {
            String[] f = l.split("\t", -1);
            p.add(f[0], value.apply(f));
        }
        return p;
    }

    /** Nodes numbered from 0 (the root); a child is found by (node, word) in an open-addressing table. */
    private static final class Trie {
        private long[] keys = new long[64];
        private int[] children = new int[64];
        private int entries;
        private Object[] values = new Object[16];
        private int nodes = 1;

        Trie() {
            Arrays.fill(keys, -1L);
        }

        void put(int[] ids, Object value) {
            int node = ROOT;
            for (int id : ids) {
                int c = child(node, id);
                if (c < 0) {
                    c = nodes++;
                    if (c == values.length) {
                        values = Arrays.copyOf(values, 2 * c);
                    }
                    link(node, id, c);
                }
                node = c;
            }
            values[node] = value;
        }

        private static long key(int node, int id) {
            return ((long) node << 32) | id;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        private void link(int node, int id, int c) {
            if (2 * (entries + 1) > keys.length) {
                long[] ok = keys;
                int[] oc = children;
                keys = new long[ok.length * 2];
                children = new int[ok.length * 2];
                Arrays.fill(keys, -1L);
                for (int k = 0; k < ok.length; k++) {
                    if (ok[k] != -1L) {
                        insert(ok[k], oc[k]);
                    }
                }
            }
            insert(key(node, id), c);
            entries++;
        }

        private void insert(long key, int c) {
            int m = keys.length - 1;
            int k = slot(key, m);
            while (keys[k] != -1L) {
                k = (k + 1) & m;
            }
            keys[k] = key;
            children[k] = c;
        }

        int child(int node, int id) {
            long key = key(node, id);
            int m = keys.length - 1;
            for (int k = slot(key, m); keys[k] != -1L; k = (k + 1) & m) {
                if (keys[k] == key) {
                    return children[k];
                }
            }
            return -1;
        }

        Object value(int node) {
            return values[node];
        }
    }
}
