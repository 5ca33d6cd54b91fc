package org.vnextract.ner;

import java.util.ArrayList;
import java.util.List;
import org.vnextract.text.Fold;

/**
 * Features for Vietnamese names that OpenNLP's default generator (the syllables around, their
 * shapes, bigrams, the previous outcome) does not have: lexicon membership of each syllable and of
 * its neighbours (surname, given-name syllable, title word, honorific, place), and the shape of a
 * capitalised run (its length so far, whether it starts after an honorific). Vietnamese names are
 * runs of capitalised syllables, so the run features carry most of the weight; a word-segmentation
 * tag would add little to the name's boundary, which the capitalisation marks already.
 *
 * <p>Stateless; thread-safe.
 */
public final class NerFeatures {
    private NerFeatures() {}

    /** The extra context of every token of a sentence (OpenNLP's "additional context"). */
    public static String[][] context(String[] tokens, SyllableClasses lex) {
        int n = tokens.length;
        String[] fold = new String[n];
        List<List<String>> cls = new ArrayList<>(n);
        boolean[] cap = new boolean[n];
        for (int i = 0; i < n; i++) {
            fold[i] = Fold.fold(tokens[i]);
            cls.add(lex.classes(fold[i]));
            cap[i] = !tokens[i].isEmpty() && Character.isUpperCase(tokens[i].charAt(0));
        }
        String[][] out = new String[n][];
        int run = 0;
        boolean afterHon = false;
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(12);
            for (String c : cls.get(i)) {
                f.add("c=" + c);
                f.add("c=" + c + (cap[i] ? "|cap" : "|low"));
            }
            if (i > 0) {
                for (String c : cls.get(i - 1)) {
                    f.add("p1c=" + c);
                }
            } else {
                f.add("p1c=BOS");
            }
            if (i + 1 < n) {
                for (String c : cls.get(i + 1)) {
                    f.add("n1c=" + c);
                }
            } else {
                f.add("n1c=EOS");
            }
            if (cap[i]) {
                if (run == 0) {
                    afterHon = i > 0 && cls.get(i - 1).contains("hon");
                }
                run++;
                f.add("run=" + Math.min(run, 5));
                if (afterHon) {
                    f.add("run|hon");
                }
                int ahead = 0;
                for (int k = i + 1; k < n && k - i <= 5 && !tokens[k].isEmpty() && Character.isUpperCase(tokens[k].charAt(0)); k++) {
                    ahead++;
                }
                f.add("ahead=" + Math.min(ahead, 5));
            } else {
                run = 0;
                afterHon = false;
            }
            out[i] = f.toArray(new String[0]);
        }
        return out;
    }
}
