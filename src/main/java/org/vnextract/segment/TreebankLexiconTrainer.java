package org.vnextract.segment;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;

/**
 * Learns the segmenter's treebank lexicon ({@code models/segment/treebank.tsv}) from a word-segmented
 * treebank's training split: the training side of {@link SegmenterLexicons#treebankWords()} and
 * {@link SegmenterLexicons#treebankNonWords()}. The runtime only reads the file this writes.
 *
 * <p>Why: vi-vocab lacks common words the treebank writes as one ("vụ án", "trở về", "câu hỏi"),
 * and lists some the treebank always splits ("người dân"). The longest-match pass is the segmenter's
 * largest source of errors, and it can only be as good as its word list. A word is learnt from
 * counts alone, never from the test split:
 * <ul>
 * <li><b>word</b>: a sequence of 2 to {@link #MAX_SYLLABLES} letter syllables, not in vi-vocab,
 *     that the treebank writes as one word at least {@code minJoined} times, in at least
 *     {@code minRatio} of the places where the sequence crosses or fills a word (occurrences inside
 *     a longer word are neither), and at least once with a lower-case first syllable (names in
 *     capitals are the name rules' business, not the vocabulary's);</li>
 * <li><b>not-word</b>: a vi-vocab word whose sequence the treebank writes as one word in at most
 *     {@code maxRatio} of at least {@code minOccurrences} such places.</li>
 * </ul>
 * Syllables are compared by their lookup key (lower case, one tone placement; see {@link SyllableKey}).
 *
 * <p>Stateless; thread-safe.
 */
public final class TreebankLexiconTrainer {
    /** Longest word learnt (as the longest match's usual reach). */
    public static final int MAX_SYLLABLES = 4;

    /** The thresholds of one training run. */
    public record Settings(int minJoined, double minRatio, int minOccurrences, double maxRatio) {
        public Settings {
            Validate.isTrue(minJoined >= 1, "minJoined", "must be at least 1, was " + minJoined);
            Validate.isTrue(minRatio > 0 && minRatio <= 1, "minRatio", "must be in (0, 1], was " + minRatio);
            Validate.isTrue(minOccurrences >= 1, "minOccurrences", "must be at least 1, was " + minOccurrences);
            Validate.isTrue(maxRatio >= 0 && maxRatio < 1, "maxRatio", "must be in [0, 1), was " + maxRatio);
        }

        /** The settings chosen on UD Vietnamese-VTB dev (see the README). */
        public static Settings standard() {
            return new Settings(2, 0.8, 3, 0.2);
        }
    }

    /** One learnt entry: the word's key, whether it is added or removed, and the counts behind it. */
    public record Entry(String word, boolean isWord, int joined, int crossed) {}

    private TreebankLexiconTrainer() {}

    /**
     * Learns entries from {@code training} against vi-vocab's words {@code vocabulary} (as read by
     * {@link VocabReader}), sorted by evidence, then alphabetically.
     */
    public static List<Entry> train(List<SegmentEval.GoldSentence> training, List<String> vocabulary, Settings settings) {
        Validate.noNulls(training, "training");
        Validate.noNulls(vocabulary, "vocabulary");
        Validate.notNull(settings, "settings");
        Set<String> vocab = new HashSet<>();
        int maxVocab = 2;
        for (String w : vocabulary) {
            List<String> syllables = List.of(w.strip().split(" +"));
            String k = keyOf(syllables, 0, syllables.size());
            if (k != null) {
                vocab.add(k);
                maxVocab = Math.max(maxVocab, syllables.size());
            }
        }
        int longest = Math.max(MAX_SYLLABLES, maxVocab);
        Map<String, int[]> stats = new HashMap<>(); // key → {joined, crossed, joinedLowerFirst}
        for (SegmentEval.GoldSentence s : training) {
            List<String> syl = s.syllables();
            boolean[] begins = s.begins();
            int n = syl.size();
            for (int i = 0; i < n; i++) {
                int wordEnd = i + 1; // end of the gold word that starts at i (if one does)
                while (wordEnd < n && !begins[wordEnd]) {
                    wordEnd++;
                }
                for (int len = 2; len <= longest && i + len <= n; len++) {
                    String key = keyOf(syl, i, i + len);
                    if (key == null) {
                        break;
                    }
                    boolean isVocab = vocab.contains(key);
                    if (len > MAX_SYLLABLES && !isVocab) {
                        continue;
                    }
                    boolean joined = begins[i] && wordEnd == i + len;
                    boolean inside = !joined && insideOneWord(begins, i, i + len);
                    if (inside) {
                        continue; // part of a longer word: says nothing about this sequence
                    }
                    int[] st = stats.computeIfAbsent(key, x -> new int[3]);
                    if (joined) {
                        st[0]++;
                        if (Character.isLowerCase(syl.get(i).charAt(0))) {
                            st[2]++;
                        }
                    } else {
                        st[1]++;
                    }
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (var e : stats.entrySet()) {
            String key = e.getKey();
            int joined = e.getValue()[0];
            int crossed = e.getValue()[1];
            double ratio = (double) joined / (joined + crossed);
            if (vocab.contains(key)) {
                if (joined + crossed >= settings.minOccurrences() && ratio <= settings.maxRatio()) {
                    out.add(new Entry(key, false, joined, crossed));
                }
            } else if (joined >= settings.minJoined() && ratio >= settings.minRatio() && e.getValue()[2] > 0) {
                out.add(new Entry(key, true, joined, crossed));
            }
        }
        out.sort(Comparator.comparing((Entry x) -> !x.isWord())
                .thenComparing(x -> -(x.joined() + x.crossed()))
                .thenComparing(Entry::word));
        return out;
    }

    /** Whether syllables [from, to) lie inside one gold word that is longer than them. */
    private static boolean insideOneWord(boolean[] begins, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (begins[k]) {
                return false; // crosses a boundary
            }
        }
        // no boundary inside; not exactly one word, so the word reaches past one side
        return !begins[from] || (to < begins.length && !begins[to]);
    }

    /** Lookup key of syllables [from, to) joined by spaces, or null when one is not a word of letters. */
    private static String keyOf(List<String> syl, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            String s = syl.get(k);
            if (!SegmentEval.isAlphabetic(s) || s.length() > SyllableKey.MAX_LENGTH) {
                return null;
            }
            if (k > from) {
                sb.append(' ');
            }
            sb.append(SyllableKey.of(s));
        }
        return sb.toString();
    }

    /** Writes {@code entries} in the form {@link SegmenterLexicons#from} reads, after {@code header} comment lines. */
    public static void write(List<Entry> entries, List<String> header, Writer out) throws IOException {
        Validate.noNulls(entries, "entries");
        Validate.noNulls(header, "header");
        Validate.notNull(out, "out");
        for (String h : header) {
            out.write("# " + h + "\n");
        }
        out.write("# word\taction\tjoined\tcrossed\n");
        for (Entry e : entries) {
            out.write(e.word() + "\t" + (e.isWord() ? "word" : "not-word") + "\t" + e.joined() + "\t" + e.crossed() + "\n");
        }
    }
}
