package org.vnextract.extract.places;

import org.vnextract.text.Fold;

/**
 * The folded words of the places rules' phrases ({@link Phrases}), each with a number, so that a
 * phrase is matched by comparing numbers: a token's word is folded once, into a buffer, and looked
 * up without allocating. A token whose name key ({@link Gazetteer#keyHash}) no word has is ruled out
 * before it is folded.
 *
 * <p>Filled while the extractor is built, then read only: thread-safe after construction.
 */
final class Vocabulary {
    private String[] words = new String[256];
    private int[] ids = new int[256];
    private int size;
    private final java.util.List<String> byId = new java.util.ArrayList<>();
    /** Hashes of the name keys of the words, as a one-hash filter. */
    private final boolean[] keys = new boolean[1 << 16];

    /** The number of a folded word (no spaces), added if new. */
    int add(String folded) {
        int id = id(folded);
        if (id >= 0) {
            return id;
        }
        if (2 * (size + 1) > words.length) {
            grow();
        }
        id = size++;
        byId.add(folded);
        put(folded, id);
        keys[Gazetteer.keyHash(folded, 0, folded.length()) & (keys.length - 1)] = true;
        return id;
    }

    private void put(String w, int id) {
        int m = words.length - 1;
        int k = slot(w.hashCode(), m);
        while (words[k] != null) {
            k = (k + 1) & m;
        }
        words[k] = w;
        ids[k] = id;
    }

    /** Twice the table, the words put again in the order of their numbers. */
    private void grow() {
        words = new String[words.length * 2];
        ids = new int[words.length];
        for (int id = 0; id < byId.size(); id++) {
            put(byId.get(id), id);
        }
    }

    private static int slot(int hash, int mask) {
        return (hash * 0x9E3779B9 >>> 16) & mask;
    }

    /** The number of a folded word, or -1. */
    int id(String folded) {
        int m = words.length - 1;
        for (int k = slot(folded.hashCode(), m); words[k] != null; k = (k + 1) & m) {
            if (words[k].equals(folded)) {
                return ids[k];
            }
        }
        return -1;
    }

    /** The number of the folded word {@code buf[0, len)}, or -1. */
    int id(char[] buf, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[i];
        }
        int m = words.length - 1;
        for (int k = slot(h, m); words[k] != null; k = (k + 1) & m) {
            String w = words[k];
            if (w.length() == len && same(w, buf)) {
                return ids[k];
            }
        }
        return -1;
    }

    private static boolean same(String w, char[] buf) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) != buf[i]) {
                return false;
            }
        }
        return true;
    }

    /** The number of the word that {@code text[start, end)} folds to, or -1; {@code buf} is scratch space. */
    int id(String text, int start, int end, char[] buf) {
        if (!keys[Gazetteer.keyHash(text, start, end) & (keys.length - 1)]) {
            return -1; // folding keeps the name key: no word has this token's
        }
        int n = Fold.foldWord(text, start, end, buf);
        return n >= 0 ? id(buf, n) : id(Fold.fold(text.substring(start, end)));
    }
}
