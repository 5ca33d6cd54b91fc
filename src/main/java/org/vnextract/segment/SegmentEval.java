package org.vnextract.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.internal.Validate;

/**
 * Word-segmentation accuracy on a CoNLL-U treebank whose tokens are gold words with spaces between
 * syllables (UD Vietnamese-VTB). The segmenter gets each sentence's syllables; words are compared
 * over alphabetic syllables only: each word (gold or predicted) becomes the range of alphabetic
 * syllables it covers, words with none are left out, and precision, recall and F1 count identical
 * ranges. So "10 triệu" (gold) matches "10" + "triệu", and punctuation never inflates the score.
 *
 * <p>Stateless; thread-safe.
 */
public final class SegmentEval {
    /** Counts and scores of one run. */
    public record Result(int sentences, long gold, long predicted, long correct) {
        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** One sentence: its syllables and, per syllable, whether it begins a gold word. */
    public record GoldSentence(List<String> syllables, boolean[] begins) {}

    private SegmentEval() {}

    public static List<GoldSentence> read(Path conllu) throws IOException {
        Validate.notNull(conllu, "conllu");
        List<GoldSentence> out = new ArrayList<>();
        List<String> syl = new ArrayList<>();
        List<Boolean> beg = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(conllu, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    flush(syl, beg, out);
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 2 || cols[0].indexOf('-') >= 0 || cols[0].indexOf('.') >= 0) {
                    continue;
                }
                boolean first = true;
                for (String s : cols[1].strip().split(" +")) {
                    if (!s.isEmpty()) {
                        syl.add(bracket(s));
                        beg.add(first);
                        first = false;
                    }
                }
            }
        }
        flush(syl, beg, out);
        return out;
    }

    /** VTB writes brackets as LBKT and RBKT; the rule tree and the tokenizer know them as "(" and ")". */
    private static String bracket(String s) {
        return switch (s) {
            case "LBKT" -> "(";
            case "RBKT" -> ")";
            default -> s;
        };
    }

    private static void flush(List<String> syl, List<Boolean> beg, List<GoldSentence> out) {
        if (syl.isEmpty()) {
            return;
        }
        boolean[] b = new boolean[beg.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = beg.get(i);
        }
        out.add(new GoldSentence(List.copyOf(syl), b));
        syl.clear();
        beg.clear();
    }

    public static Result evaluate(WordSegmenter seg, List<GoldSentence> gold) {
        return evaluate(seg, gold, true);
    }

    /** Scores the initial segmentation alone, without the rule tree (how much the tree adds). */
    public static Result evaluateInitial(WordSegmenter seg, List<GoldSentence> gold) {
        return evaluate(seg, gold, false);
    }

    private static Result evaluate(WordSegmenter seg, List<GoldSentence> gold, boolean rules) {
        Validate.notNull(seg, "seg");
        Validate.noNulls(gold, "gold");
        long g = 0;
        long p = 0;
        long c = 0;
        for (GoldSentence s : gold) {
            int n = s.syllables().size();
            StringBuilder text = new StringBuilder();
            int[] starts = new int[n];
            int[] ends = new int[n];
            boolean[] alpha = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                starts[i] = text.length();
                String syl = s.syllables().get(i);
                text.append(syl);
                ends[i] = text.length();
                alpha[i] = isAlphabetic(syl);
            }
            boolean[] pred = new boolean[n];
            seg.segment(text, starts, ends, n, pred, rules);
            Set<Long> gw = words(s.begins(), alpha);
            Set<Long> pw = words(pred, alpha);
            g += gw.size();
            p += pw.size();
            for (Long w : pw) {
                if (gw.contains(w)) {
                    c++;
                }
            }
        }
        return new Result(gold.size(), g, p, c);
    }

    /** The raw text of a gold sentence as a program would be given it: its syllables separated by spaces. */
    public static String text(GoldSentence s) {
        Validate.notNull(s, "s");
        return String.join(" ", s.syllables());
    }

    /**
     * Scores of a segmenter's printed output, and whether it kept the input whole.
     * @param lostSentences output lines whose characters (separators aside) are not their sentence's
     *                      (a syllable dropped, added or changed); such lines are left out of the scores
     */
    public record OutputResult(Result result, int lostSentences) {}

    /**
     * Scores printed output, one line per gold sentence ({@link #text} in, words separated by spaces,
     * syllables of a word joined by {@code _}), the same way as {@link #evaluate}: over alphabetic
     * syllables, each assigned to the printed word holding its first character.
     */
    public static OutputResult evaluateOutput(List<GoldSentence> gold, List<String> lines) {
        Validate.noNulls(gold, "gold");
        Validate.noNulls(lines, "lines");
        long g = 0;
        long p = 0;
        long c = 0;
        int lost = Math.max(0, gold.size() - lines.size());
        for (int s = 0; s < Math.min(gold.size(), lines.size()); s++) {
            GoldSentence gs = gold.get(s);
            int n = gs.syllables().size();
            StringBuilder expected = new StringBuilder();
            int[] first = new int[n];
            boolean[] alpha = new boolean[n];
            for (int i = 0; i < n; i++) {
                first[i] = expected.length();
                expected.append(gs.syllables().get(i));
                alpha[i] = isAlphabetic(gs.syllables().get(i));
            }
            // the printed characters without separators, and the word each belongs to
            StringBuilder printed = new StringBuilder(expected.length());
            int[] wordOf = new int[expected.length() + 1];
            int word = -1;
            boolean inWord = false;
            String line = lines.get(s);
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == ' ') {
                    inWord = false;
                    continue;
                }
                if (!inWord) {
                    word++;
                    inWord = true;
                }
                if (ch == '_') {
                    continue;
                }
                if (printed.length() < wordOf.length) {
                    wordOf[printed.length()] = word;
                }
                printed.append(ch);
            }
            if (!printed.toString().contentEquals(expected)) {
                lost++;
                continue;
            }
            boolean[] pred = new boolean[n];
            int previous = -1;
            for (int i = 0; i < n; i++) {
                int w = gs.syllables().get(i).isEmpty() ? previous : wordOf[first[i]];
                pred[i] = w != previous;
                previous = w;
            }
            Set<Long> gw = words(gs.begins(), alpha);
            Set<Long> pw = words(pred, alpha);
            g += gw.size();
            p += pw.size();
            for (Long w : pw) {
                if (gw.contains(w)) {
                    c++;
                }
            }
        }
        return new OutputResult(new Result(gold.size() - lost, g, p, c), lost);
    }

    /** Each word as (first, last) alphabetic syllable index; words without one are left out. */
    private static Set<Long> words(boolean[] begins, boolean[] alpha) {
        Set<Long> out = new HashSet<>();
        int n = begins.length;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && !begins[j]) {
                j++;
            }
            int first = -1;
            int last = -1;
            for (int k = i; k < j; k++) {
                if (alpha[k]) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first >= 0) {
                out.add(((long) first << 32) | last);
            }
            i = j;
        }
        return out;
    }

    static boolean isAlphabetic(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }
}
