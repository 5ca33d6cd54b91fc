package org.vnextract.segment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.vnextract.internal.Validate;

/**
 * The RDRsegmenter method (Nguyen et al., "A Fast and Accurate Vietnamese Word Segmenter", LREC
 * 2018), implemented from its description and model files: every syllable token gets an initial
 * tag, B (begins a word) or I (inside a word), from a longest-match segmentation against vi-vocab
 * and our lexicons, with runs of capitalised syllables joined as names; then the rule tree
 * ({@link RdrTree}) relabels each syllable from the words and initial tags in a ±2 window.
 *
 * <p>The initial segmentation, per syllable token at position i:
 * <ol>
 * <li>a token that is not a word of letters, or an all-capitals abbreviation ("UBND"; but not a
 *     known syllable in capitals, "TRUNG QUỐC"), stands alone;</li>
 * <li>a lower-case syllable followed by a capitalised one stands alone;</li>
 * <li>otherwise the longest vocabulary word starting here, compared in lower case (province,
 *     district and country names join in any case, commune names only where every syllable is
 *     capitalised) — unless the syllable is a capitalised surname beginning a longer capitalised
 *     run: "Châu Ngọc Tuấn" is a name, not "châu ngọc" + "Tuấn";</li>
 * <li>else a surname followed by lower-case middle or given names that begin no vocabulary word is
 *     one name, as UD Vietnamese-VTB writes them: a capitalised surname with two or more
 *     ("Trần minh đức"), a lower-case one with a middle name then a given name ("trần văn nhật");</li>
 * <li>else a lower-case syllable, or a capitalised word that never begins a name ("Theo", "Các",
 *     "Tỉnh"), stands alone;</li>
 * <li>else a capitalised syllable is joined with the capitalised syllables after it (up to four in
 *     all); a middle name ("Văn", "Thị") right after a capitalised surname continues that surname's word.</li>
 * </ol>
 * After the rule tree, a token that is not a word of letters never joins a neighbour, and a
 * capitalised syllable never continues a word begun by a lower-case one. Tokens are compared
 * through interned ids (see {@link SyllableKey}); the source text is never rewritten, so words
 * keep their original spelling.
 *
 * <p>Immutable after construction; thread-safe. No static mutable state.
 */
public final class WordSegmenter {
    /** Longest match limited only by the longest word in the vocabulary and lexicons. */
    public static final int LONGEST_WORD = Integer.MAX_VALUE;
    /** Longest run of capitalised syllables joined as one name. */
    static final int MAX_NAME_SYLLABLES = 4;

    // trie node flags
    private static final byte VOCAB = 1;
    private static final byte PLACE = 2;
    /** A vi-vocab word the treebank lexicon rejects: it does not count as a vocabulary match. */
    private static final byte NOT_WORD = 4;
    // syllable flags
    private static final byte SURNAME = 1;
    private static final byte MIDDLE = 2;
    private static final byte GIVEN = 4;
    private static final byte NOT_NAME_START = 8;
    /** A syllable of a vocabulary or lexicon word: "TRUNG" in capitals is a syllable, "UBND" is not. */
    private static final byte KNOWN = 16;

    // token flags
    private static final int T_ALPHA = 1;
    private static final int T_LOWER = 2;
    private static final int T_UPPER = 4;
    private static final int T_ABBREVIATION = 8;
    private static final int T_JOINABLE = 16;
    /** Every letter a capital (kept when an all-capitals syllable is found not to be an abbreviation). */
    private static final int T_ALL_CAPS = 32;

    private final SyllableIds ids;
    private final RdrTree tree;
    private final LongIntMap trie;
    /** The trie's first level as a direct array: syllable id → node, or -1 (most look-ups stop here). */
    private final int[] rootChildren;
    private final byte[] nodeFlags;
    private final byte[] syllableFlags;
    private final int vocabularySize;
    private final int maxWordSyllables;

    private WordSegmenter(SyllableIds ids, RdrTree tree, LongIntMap trie, byte[] nodeFlags, byte[] syllableFlags,
                          int vocabularySize, int maxWordSyllables) {
        this.ids = ids;
        this.tree = tree;
        this.trie = trie;
        this.rootChildren = new int[ids.size()];
        for (int id = 0; id < rootChildren.length; id++) {
            rootChildren[id] = trie.get(id);
        }
        this.nodeFlags = nodeFlags;
        this.syllableFlags = syllableFlags;
        this.vocabularySize = vocabularySize;
        this.maxWordSyllables = maxWordSyllables;
    }

    /** Loads the model; the longest match goes up to the longest word of the vocabulary and lexicons. */
    public static WordSegmenter load(InputStream rules, InputStream vocabulary, SegmenterLexicons lexicons)
            throws IOException {
        return load(rules, vocabulary, lexicons, LONGEST_WORD);
    }

    /**
     * Loads {@code wordsegmenter.rdr} and {@code vi-vocab} (read through a class filter, see
     * {@link VocabReader}) and adds {@code lexicons}. The streams are read to the end, not closed.
     *
     * @param maxWordSyllables longest vocabulary word tried by the initial longest match (≥ 2; RDRsegmenter
     *                         used 4, which scores the same on UD Vietnamese-VTB), capped at the longest word
     * @throws IOException when a file cannot be read or does not have the documented form
     */
    public static WordSegmenter load(InputStream rules, InputStream vocabulary, SegmenterLexicons lexicons,
                                     int maxWordSyllables) throws IOException {
        Validate.notNull(rules, "rules");
        Validate.notNull(vocabulary, "vocabulary");
        Validate.notNull(lexicons, "lexicons");
        Validate.isTrue(maxWordSyllables >= 2, "maxWordSyllables", "must be at least 2, was " + maxWordSyllables);
        SyllableIds ids = new SyllableIds();
        RdrTree tree = RdrTree.read(rules, ids);
        List<String> vocab = VocabReader.read(vocabulary);
        TrieBuilder tb = new TrieBuilder(ids, vocab.size() * 2);
        for (String w : vocab) {
            tb.add(w, VOCAB);
        }
        for (String w : lexicons.majorPlaces()) {
            tb.add(w, VOCAB);
        }
        for (String w : lexicons.places()) {
            tb.add(w, PLACE);
        }
        for (String w : lexicons.treebankWords()) {
            tb.add(w, VOCAB);
        }
        for (String w : lexicons.treebankNonWords()) {
            tb.add(w, NOT_WORD);
        }
        byte[] sf = tb.syllableFlags;
        Object[][] lists = {
            {lexicons.surnames(), SURNAME}, {lexicons.middleNames(), MIDDLE},
            {lexicons.givenNames(), GIVEN}, {lexicons.sentenceInitial(), NOT_NAME_START}};
        for (Object[] l : lists) {
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) l[0];
            for (String w : words) {
                for (String s : w.split(" ")) {
                    if (!s.isEmpty()) {
                        int id = ids.add(SyllableKey.of(s));
                        if (id >= sf.length) {
                            sf = Arrays.copyOf(sf, Math.max(id + 1, sf.length * 2));
                        }
                        // given names of two syllables mark both; the others are single syllables
                        sf[id] |= (byte) ((Byte) l[1] | KNOWN);
                    }
                }
            }
        }
        byte[] syllableFlags = Arrays.copyOf(sf, ids.size());
        return new WordSegmenter(ids, tree, tb.map, Arrays.copyOf(tb.flags, tb.nodes), syllableFlags, vocab.size(),
                Math.min(maxWordSyllables, tb.longest));
    }

    /** Builds the word trie: (parent node, syllable id) → child node. Used only while loading. */
    private static final class TrieBuilder {
        final SyllableIds ids;
        final LongIntMap map;
        byte[] flags = new byte[1 << 16];
        byte[] syllableFlags = new byte[1 << 12];
        int nodes = 1;
        int longest = 2;

        TrieBuilder(SyllableIds ids, int expected) {
            this.ids = ids;
            this.map = new LongIntMap(expected);
        }

        private final char[] buf = new char[SyllableKey.MAX_LENGTH + 1];

        /** Adds a word of syllables separated by white space (split by hand: this runs 40,000 times). */
        void add(String word, byte flag) {
            int node = 0;
            int syllables = 0;
            int i = 0;
            int n = word.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(word.charAt(i))) {
                    i++;
                }
                int e = i;
                while (e < n && !Character.isWhitespace(word.charAt(e))) {
                    e++;
                }
                if (e == i) {
                    break;
                }
                int len = SyllableKey.of(word, i, e, buf);
                if (len < 0) {
                    return; // not a word of syllables
                }
                int id = ids.add(buf, len);
                if (id >= syllableFlags.length) {
                    syllableFlags = Arrays.copyOf(syllableFlags, Math.max(id + 1, syllableFlags.length * 2));
                }
                syllableFlags[id] |= KNOWN;
                long key = ((long) node << 32) | id;
                int child = map.get(key);
                if (child < 0) {
                    child = nodes++;
                    map.put(key, child);
                    if (child >= flags.length) {
                        flags = Arrays.copyOf(flags, flags.length * 2);
                    }
                }
                node = child;
                syllables++;
                i = e;
            }
            if (syllables < 2) {
                return;
            }
            longest = Math.max(longest, syllables);
            flags[node] |= flag;
        }
    }

    /** Words in vi-vocab (for reports). */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Interned syllables (vocabulary, lexicons and rule values). */
    public int syllables() {
        return ids.size();
    }

    /** Nodes in the rule tree. */
    public int rules() {
        return tree.nodes();
    }

    /**
     * Segments one sentence of {@code n} tokens, {@code text[starts[k], ends[k])}, and sets
     * {@code begins[k]} to whether token k begins a word. Non-word tokens (punctuation, symbols,
     * links) are always words of their own, and never continue a word.
     */
    public void segment(CharSequence text, int[] starts, int[] ends, int n, boolean[] begins) {
        segment(text, starts, ends, n, begins, true);
    }

    /** As {@link #segment}; without {@code rules}, the initial segmentation only (for evaluation). */
    void segment(CharSequence text, int[] starts, int[] ends, int n, boolean[] begins, boolean rules) {
        Validate.notNull(text, "text");
        Validate.isTrue(n >= 0 && n <= starts.length && n <= ends.length && n <= begins.length, "n",
                "must fit the arrays, was " + n);
        if (n == 0) {
            return;
        }
        int[] id = new int[n];
        int[] flags = new int[n];
        int[] tags = new int[n];
        char[] buf = new char[SyllableKey.MAX_LENGTH + 1];
        for (int k = 0; k < n; k++) {
            int s = starts[k];
            int e = ends[k];
            id[k] = ids.find(buf, SyllableKey.of(text, s, e, buf));
            int fl = classify(text, s, e);
            if ((fl & T_ABBREVIATION) != 0 && has(id[k], KNOWN)) {
                fl &= ~T_ABBREVIATION; // a syllable in capitals ("TRUNG QUỐC"), not an abbreviation
            }
            flags[k] = fl;
        }
        initialTags(id, flags, tags, n, isShouting(flags, n));
        int[] f = new int[RdrTree.FEATURES];
        for (int k = 0; k < n; k++) {
            f[RdrTree.F_WORD] = id[k];
            f[RdrTree.F_TAG] = tags[k];
            f[RdrTree.F_PREV_WORD2] = k >= 2 ? id[k - 2] : SyllableIds.BOUNDARY;
            f[RdrTree.F_PREV_WORD1] = k >= 1 ? id[k - 1] : SyllableIds.BOUNDARY;
            f[RdrTree.F_NEXT_WORD1] = k + 1 < n ? id[k + 1] : SyllableIds.BOUNDARY;
            f[RdrTree.F_NEXT_WORD2] = k + 2 < n ? id[k + 2] : SyllableIds.BOUNDARY;
            f[RdrTree.F_PREV_TAG2] = k >= 2 ? tags[k - 2] : RdrTree.TAG_NONE;
            f[RdrTree.F_PREV_TAG1] = k >= 1 ? tags[k - 1] : RdrTree.TAG_NONE;
            f[RdrTree.F_NEXT_TAG1] = k + 1 < n ? tags[k + 1] : RdrTree.TAG_NONE;
            f[RdrTree.F_NEXT_TAG2] = k + 2 < n ? tags[k + 2] : RdrTree.TAG_NONE;
            int t = rules ? tree.classify(f) : RdrTree.TAG_KEEP;
            if (t == RdrTree.TAG_KEEP) {
                t = tags[k];
            }
            begins[k] = k == 0 || t == RdrTree.TAG_B
                    || (flags[k] & T_JOINABLE) == 0 || (flags[k - 1] & T_JOINABLE) == 0
                    // a capitalised syllable after a lower-case one begins a name, never continues a word
                    || ((flags[k - 1] & T_LOWER) != 0 && (flags[k] & T_UPPER) != 0);
        }
    }

    /** The initial B/I tags (see the class comment). */
    void initialTags(int[] id, int[] flags, int[] tags, int n, boolean shouting) {
        int i = 0;
        while (i < n) {
            int fl = flags[i];
            tags[i] = RdrTree.TAG_B;
            if ((fl & T_ALPHA) == 0 || (fl & T_ABBREVIATION) != 0) {
                i++;
                continue;
            }
            boolean lower = (fl & T_LOWER) != 0;
            if (lower && i + 1 < n && (flags[i + 1] & T_UPPER) != 0) {
                i++;
                continue;
            }
            int m = longestMatch(id, flags, i, n);
            if (m >= 2 && (fl & T_UPPER) != 0 && has(id[i], SURNAME) && capitalRun(flags, i, n) > m) {
                m = 0; // a full name outranks a vocabulary word inside it: "Châu Ngọc Tuấn", not "Châu_Ngọc Tuấn"
            }
            if (m >= 2) {
                for (int k = i + 1; k < i + m; k++) {
                    tags[k] = RdrTree.TAG_I;
                }
                i += m;
                continue;
            }
            // a capitalised surname followed by two or more lower-case middle or given names is one
            // name ("Trần minh đức", "Nguyễn khắc trường"); one lower-case syllable is too weak a sign
            if (!lower && !shouting && has(id[i], SURNAME) && !has(id[i], NOT_NAME_START)) {
                int k = lowerNameRun(id, flags, i, n);
                if (k - i >= 3) {
                    for (int j = i + 1; j < k; j++) {
                        tags[j] = RdrTree.TAG_I;
                    }
                    i = k;
                    continue;
                }
            }
            // a name written in lower case after its surname, as VTB has them ("trần văn nhật"): a surname,
            // a middle name and a given name, none beginning a vocabulary word
            if (lower && has(id[i], SURNAME) && i + 2 < n && (flags[i + 1] & T_LOWER) != 0
                    && has(id[i + 1], MIDDLE) && (flags[i + 2] & T_LOWER) != 0 && has(id[i + 2], GIVEN)
                    && longestMatch(id, flags, i + 1, n) < 2) {
                int k = lowerNameRun(id, flags, i, n);
                for (int j = i + 1; j < k; j++) {
                    tags[j] = RdrTree.TAG_I;
                }
                i = k;
                continue;
            }
            if (lower || has(id[i], NOT_NAME_START)) {
                i++;
                continue;
            }
            if (shouting && !has(id[i], SURNAME)) {
                i++; // in a sentence written in capitals, only a surname begins a name
                continue;
            }
            int k = i + (shouting ? shoutedName(id, flags, i, n) : capitalRun(flags, i, n));
            if (k > i + 1) {
                if (i >= 1 && has(id[i], MIDDLE) && (flags[i - 1] & T_UPPER) != 0 && has(id[i - 1], SURNAME)) {
                    tags[i] = RdrTree.TAG_I;
                }
                for (int j = i + 1; j < k; j++) {
                    tags[j] = RdrTree.TAG_I;
                }
                i = k;
            } else {
                i++;
            }
        }
    }

    /**
     * End of a surname followed by lower-case middle or given names ("Trần minh đức"); the run stops at
     * a syllable that begins a vocabulary word, since the given-names list holds common syllables
     * ("Lê hỏi thăm" is not a name).
     */
    private int lowerNameRun(int[] id, int[] flags, int i, int n) {
        int limit = Math.min(i + MAX_NAME_SYLLABLES, n);
        int k = i + 1;
        while (k < limit && (flags[k] & T_ALPHA) != 0 && (flags[k] & T_LOWER) != 0
                && has(id[k], (byte) (MIDDLE | GIVEN)) && longestMatch(id, flags, k, n) < 2) {
            k++;
        }
        return k;
    }

    /** Syllables in the run of capitalised syllables starting at token i (at most {@link #MAX_NAME_SYLLABLES}). */
    private static int capitalRun(int[] flags, int i, int n) {
        int limit = Math.min(i + MAX_NAME_SYLLABLES, n);
        int k = i + 1;
        while (k < limit && (flags[k] & T_ALPHA) != 0 && (flags[k] & (T_LOWER | T_ABBREVIATION)) == 0
) {
            k++;
        }
        return k - i;
    }


    /**
     * Syllables of a name in a sentence written in capitals ("NGUYỄN VĂN HÙNG VÀ …"): the run stops at
     * a word that never begins a name unless it is also a name syllable.
     */
    private int shoutedName(int[] id, int[] flags, int i, int n) {
        int limit = Math.min(i + MAX_NAME_SYLLABLES, n);
        int k = i + 1;
        while (k < limit && (flags[k] & T_ALPHA) != 0 && (flags[k] & T_LOWER) == 0
                && !(has(id[k], NOT_NAME_START) && !has(id[k], (byte) (SURNAME | MIDDLE | GIVEN)))) {
            k++;
        }
        return k - i;
    }

    /** Whether the sentence is written in capitals: at least three words of letters, none with a small letter. */
    private static boolean isShouting(int[] flags, int n) {
        int words = 0;
        for (int k = 0; k < n; k++) {
            if ((flags[k] & T_ALPHA) != 0) {
                if ((flags[k] & T_ALL_CAPS) == 0) {
                    return false;
                }
                words++;
            }
        }
        return words >= 3;
    }

    /** Syllables in the longest vocabulary word starting at token i, or 0. */
    private int longestMatch(int[] id, int[] flags, int i, int n) {
        int node = 0;
        int best = 0;
        boolean allUpper = true;
        int limit = Math.min(i + maxWordSyllables, n);
        for (int j = i; j < limit; j++) {
            if (id[j] < 0 || (flags[j] & T_ALPHA) == 0) {
                break;
            }
            node = j == i ? (id[j] < rootChildren.length ? rootChildren[id[j]] : -1) : trie.get(((long) node << 32) | id[j]);
            if (node < 0) {
                break;
            }
            allUpper &= (flags[j] & T_UPPER) != 0;
            if (j > i) {
                byte nf = nodeFlags[node];
                if ((nf & (VOCAB | NOT_WORD)) == VOCAB || ((nf & PLACE) != 0 && allUpper)) {
                    best = j - i + 1;
                }
            }
        }
        return best;
    }

    private boolean has(int id, byte flag) {
        return id >= 0 && id < syllableFlags.length && (syllableFlags[id] & flag) != 0;
    }

    /** Token flags from its characters: a word of letters? case of its first letter? all capitals? */
    static int classify(CharSequence text, int s, int e) {
        if (e <= s) {
            return 0;
        }
        char first = text.charAt(s);
        int letters = 0;
        int upper = 0;
        boolean alpha = true;
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            } else if (!(Character.getType(c) == Character.NON_SPACING_MARK
                    || ((c == '\'' || c == '’') && k > s && k + 1 < e))) {
                alpha = false;
            }
        }
        int fl = 0;
        if (alpha && letters > 0) {
            fl |= T_ALPHA | T_JOINABLE;
            if (upper == letters) {
                fl |= T_ALL_CAPS;
            }
            if (letters >= 2 && upper == letters) {
                fl |= T_ABBREVIATION;
            }
        }
        if (Character.isLowerCase(first)) {
            fl |= T_LOWER;
        } else if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
            fl |= T_UPPER;
        }
        return fl;
    }
}
