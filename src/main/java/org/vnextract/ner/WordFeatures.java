package org.vnextract.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The features of the word-level entity tagger that OpenNLP's default generator (the words around,
 * their shapes, bigrams, the previous outcome) does not have, given to it as each word's additional
 * context: the word's shape (capitalisation of its syllables, acronym, digits) and syllable count;
 * the gazetteer classes of the word and of its neighbours (unit, province, country, type word,
 * organisation head, surname, given name, honorific, title); the label the gazetteer lookup alone
 * gives the word and its neighbours ({@link Gazetteer#lookup}); where the organisation names of
 * {@link OrgNames} or a typed place after a body change that label, the changed label; and the
 * capitalised run it is in.
 *
 * <p>Stateless; thread-safe.
 */
public final class WordFeatures {
    private WordFeatures() {}

    /** Each word's syllables: the word split at spaces and underscores. */
    public static List<String[]> syllables(String[] words) {
        List<String[]> out = new ArrayList<>(words.length);
        for (String w : words) {
            String[] s = w.split("[ _]+");
            out.add(s.length == 0 || s[0].isEmpty() && s.length == 1 ? new String[] {w} : s);
        }
        return out;
    }

    /** The extra context of every word of a sentence (OpenNLP's "additional context"). */
    public static String[][] context(String[] words, Gazetteer gaz) {
        int n = words.length;
        List<String[]> syl = syllables(words);
        String[] look = new String[n];
        java.util.Arrays.fill(look, "O");
        String[] named = new String[n];
        for (Entity e : gaz.lookup(syl)) {
            for (int i = e.start(); i < e.end(); i++) {
                look[i] = (i == e.start() ? "B-" : "I-") + e.type();
                named[i] = look[i];
            }
        }
        // the lookup's labels with the organisation names and places after a body ("Bộ Văn hóa, Thể thao và Du lịch",
        // "Sở Y tế tỉnh Hà Nam"), as the trainer labels them
        gaz.orgNames().label(syl, named, gaz);
        OrgNames.extendByPlace(syl, named, gaz);
        String[] shape = new String[n];
        List<Set<String>> cls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            shape[i] = shape(syl.get(i));
            Set<String> c = new java.util.TreeSet<>(gaz.classes(String.join(" ", syl.get(i))));
            if (gaz.classes(syl.get(i)[0]).contains(Gazetteer.SURNAME)) {
                c.add("sur1");
            }
            cls.add(c);
        }
        String[][] out = new String[n][];
        int run = 0;
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(16);
            f.add("sh=" + shape[i]);
            f.add("ns=" + Math.min(syl.get(i).length, 4));
            f.add("gz=" + look[i]);
            f.add("gz=" + look[i] + "|sh=" + shape[i]);
            f.add("gzp=" + (i > 0 ? look[i - 1] : "BOS"));
            f.add("gzn=" + (i + 1 < n ? look[i + 1] : "EOS"));
            String on = named[i] == null ? "O" : named[i];
            if (!on.equals(look[i])) {
                f.add("on=" + on); // where the names or a typed place after a body change the lookup's label
                f.add("on=" + on + "|gz=" + look[i]);
            }
            for (String c : cls.get(i)) {
                f.add("c=" + c);
                f.add("c=" + c + "|" + shape[i]);
            }
            if (i > 0) {
                f.add("p1sh=" + shape[i - 1]);
                for (String c : cls.get(i - 1)) {
                    f.add("p1c=" + c);
                }
            } else {
                f.add("p1c=BOS");
            }
            if (i + 1 < n) {
                f.add("n1sh=" + shape[i + 1]);
                for (String c : cls.get(i + 1)) {
                    f.add("n1c=" + c);
                }
            } else {
                f.add("n1c=EOS");
            }
            boolean cap = shape[i].startsWith("X") || shape[i].equals("A");
            if (cap && i > 0) {
                run++;
                f.add("run=" + Math.min(run, 4));
            } else {
                run = 0;
            }
            out[i] = f.toArray(new String[0]);
        }
        return out;
    }

    /** "X" every syllable capitalised, "Xx" only the first, "xX" a later one, "x" none, "A" an acronym, "d" digits, "p" punctuation. */
    static String shape(String[] syl) {
        String first = syl[0];
        if (first.isEmpty()) {
            return "p";
        }
        int c0 = first.codePointAt(0);
        if (Character.isDigit(c0)) {
            return "d";
        }
        if (!Character.isLetter(c0)) {
            return "p";
        }
        if (syl.length == 1 && first.length() > 1 && first.equals(first.toUpperCase(java.util.Locale.ROOT))) {
            return "A";
        }
        boolean firstCap = Character.isUpperCase(c0);
        int caps = firstCap ? 1 : 0;
        for (int k = 1; k < syl.length; k++) {
            if (!syl[k].isEmpty() && Character.isUpperCase(syl[k].codePointAt(0))) {
                caps++;
            }
        }
        if (firstCap) {
            return caps == syl.length ? "X" : "Xx";
        }
        return caps > 0 ? "xX" : "x";
    }
}
