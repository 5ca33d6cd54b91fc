package org.vnextract.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.text.Fold;

/**
 * The gazetteers the entity tagger learns from and the lookup that uses them alone (the baseline of
 * {@code vnextract eval-ner}). Every list is data the project owns under {@code models/}:
 * administrative units before and after July 2025 and their other written forms
 * ({@code places/units.tsv}, {@code places/aliases.tsv}), their type words ({@code places/kinds.tsv}),
 * countries and the words that make a short country name a country ({@code places/countries.tsv},
 * {@code places/country_cues.txt}), surnames, given names, honorifics and titles
 * ({@code officials/*}) and the heads of organisation names ({@code ner/org-heads.tsv}); it also holds
 * the organisation names of {@code ner/org-names.tsv} ({@link #orgNames()}), which the lookup does not use.
 *
 * <p>Sentences are given as words (the segmenter's), each word its syllables as written. The lookup
 * is longest match, left to right, one pass: an organisation head with the capitalised name after
 * it (and a unit after a type word: "UBND tỉnh Quảng Nam"); a unit name after its type word (the name
 * alone: "tỉnh Quảng Nam" gives "Quảng Nam"; a number keeps its type word: "Quận 1"); a fused form
 * ("TP.HCM"); a capitalised province or country name; a capitalised surname with capitalised words
 * after it. Spans are word indices, end exclusive; a span never cuts a word.
 *
 * <p>Immutable after loading; thread-safe.
 */
public final class Gazetteer {
    public static final String UNIT = "unit";
    public static final String PROVINCE = "province";
    public static final String TYPED = "typed";
    public static final String KIND = "kind";
    public static final String COUNTRY = "country";
    public static final String COUNTRY_CUED = "country-cued";
    public static final String CUE = "cue";
    public static final String ORG = "org";
    public static final String ORG_ALONE = "org-alone";
    public static final String SURNAME = "sur";
    public static final String GIVEN = "given";
    public static final String HONORIFIC = "hon";
    public static final String TITLE = "title";
    public static final String PERSON_CUE = "person-cue";

    /** "và" as folded, which joins the words of a body's name ("Sở Tài nguyên và Môi trường"). */
    private static final String AND = Fold.fold("và");

    /** Longest surname plus given names, in syllables, that the lookup takes for a person. */
    private static final int MAX_PERSON = 5;

    private final Map<String, Set<String>> phrases;
    private final int maxLength;
    private final OrgNames orgNames;

    private Gazetteer(Map<String, Set<String>> phrases, OrgNames orgNames) {
        this.phrases = phrases;
        this.orgNames = orgNames;
        int m = 1;
        for (String p : phrases.keySet()) {
            m = Math.max(m, p.split(" ").length);
        }
        this.maxLength = m;
    }

    /** The gazetteers of {@code models}. */
    public static Gazetteer load(ModelSource models) {
        Validate.notNull(models, "models");
        Map<String, Set<String>> m = new HashMap<>();
        for (String l : models.lines("places/units.tsv")) {
            String[] c = l.split("\t");
            put(m, c[3], UNIT);
            if (c[1].equals("province")) {
                put(m, c[3], PROVINCE);
            }
        }
        for (String l : models.lines("places/aliases.tsv")) {
            String[] c = l.split("\t");
            boolean typed = c.length > 5 && c[5].equals("typed");
            put(m, c[0], typed ? TYPED : UNIT);
            if (!typed && c[2].equals("province")) {
                put(m, c[0], PROVINCE);
            }
        }
        for (String l : models.lines("places/kinds.tsv")) {
            put(m, l.split("\t")[0], KIND);
        }
        for (String l : models.lines("places/countries.tsv")) {
            String[] c = l.split("\t");
            put(m, c[0], c.length > 2 && c[2].equals("cue") ? COUNTRY_CUED : COUNTRY);
        }
        for (String l : models.lines("places/country_cues.txt")) {
            put(m, l, CUE);
        }
        for (String l : models.lines("officials/surnames.txt")) {
            put(m, l, SURNAME);
        }
        for (String l : models.lines("officials/given-names.txt")) {
            put(m, l, GIVEN);
            for (String syllable : l.split(" ")) {
                put(m, syllable, GIVEN);
            }
        }
        for (String l : models.lines("officials/honorifics.tsv")) {
            put(m, l.split("\t")[0], HONORIFIC);
        }
        for (String l : models.lines("officials/titles.tsv")) {
            String[] c = l.split("\t");
            if (c.length > 1 && (c[0].equals("role") || c[0].equals("title"))) {
                put(m, c[1], TITLE);
            }
        }
        for (String l : models.lines("ner/person-cues.txt")) {
            put(m, l, PERSON_CUE);
        }
        for (String l : models.lines("ner/org-heads.tsv")) {
            String[] c = l.split("\t");
            put(m, c[0], c.length > 1 && c[1].equals("alone") ? ORG_ALONE : ORG);
        }
        return new Gazetteer(m, OrgNames.load(models));
    }

    /**
     * The organisation names of {@code ner/org-names.tsv}, which the tagger's features and the trainer's
     * labels read; {@link #lookup} does not use them.
     */
    public OrgNames orgNames() {
        return orgNames;
    }

    private static void put(Map<String, Set<String>> m, String phrase, String cls) {
        String key = Fold.fold(phrase);
        if (!key.isEmpty()) {
            m.computeIfAbsent(key, k -> new HashSet<>(2)).add(cls);
        }
    }

    /** The classes of a phrase (folded here); empty when the phrase is in no list. */
    public Set<String> classes(String phrase) {
        Set<String> c = phrases.get(Fold.fold(phrase));
        return c == null ? Set.of() : c;
    }

    /** One sentence flattened to syllables, with where its words begin. */
    private final class Sent {
        final String[] syl;
        final String[] fold;
        final boolean[] cap;
        final int[] word; // the word of each syllable
        final int[] wordStart; // per word: first syllable; one more entry for the end

        Sent(List<String[]> words) {
            int n = 0;
            for (String[] w : words) {
                n += w.length;
            }
            syl = new String[n];
            fold = new String[n];
            cap = new boolean[n];
            word = new int[n];
            wordStart = new int[words.size() + 1];
            int k = 0;
            for (int w = 0; w < words.size(); w++) {
                wordStart[w] = k;
                for (String s : words.get(w)) {
                    syl[k] = s;
                    fold[k] = Fold.fold(s);
                    cap[k] = !s.isEmpty() && Character.isUpperCase(s.codePointAt(0));
                    word[k] = w;
                    k++;
                }
            }
            wordStart[words.size()] = n;
        }

        int words() {
            return wordStart.length - 1;
        }

        boolean allCap(int w) {
            for (int k = wordStart[w]; k < wordStart[w + 1]; k++) {
                if (!cap[k]) {
                    return false;
                }
            }
            return wordStart[w + 1] > wordStart[w];
        }

        boolean capWord(int w) {
            if (w >= words() || wordStart[w + 1] <= wordStart[w]) {
                return false;
            }
            String s = syl[wordStart[w]];
            for (int i = 0; i < s.length(); i++) {
                if (Character.isLetter(s.charAt(i))) {
                    return Character.isUpperCase(s.charAt(i));
                }
            }
            return false;
        }

        boolean number(int w) {
            if (w >= words() || wordStart[w + 1] - wordStart[w] != 1) {
                return false;
            }
            String s = syl[wordStart[w]];
            return !s.isEmpty() && Character.isDigit(s.charAt(0));
        }

        /**
         * The end (exclusive, in syllables) of the longest phrase of class {@code cls} starting at
         * syllable {@code s}, or -1; with {@code wholeWords} only phrases that end where a word ends.
         */
        int longest(int s, String cls, boolean wholeWords) {
            StringBuilder b = new StringBuilder();
            int best = -1;
            for (int e = s; e < syl.length && e - s < maxLength; e++) {
                if (e > s) {
                    b.append(' ');
                }
                b.append(fold[e]);
                if (wholeWords && e + 1 < syl.length && word[e + 1] == word[e]) {
                    continue;
                }
                Set<String> c = phrases.get(b.toString());
                if (c != null && c.contains(cls)) {
                    best = e + 1;
                }
            }
            return best;
        }

        /** The word after a run of words that start with a capital (joined by "và", "-", "&"), from word {@code w}. */
        int capRun(int w) {
            int e = w;
            while (e < words()) {
                if (e > w && personStarts(e)) {
                    break; // "Bộ KH-ĐT Nguyễn Chí Dũng": the name of a body ends where a person's begins
                }
                if (capWord(e) || (number(e) && e > w)) {
                    e++;
                } else if (e > w && e + 1 < words() && capWord(e + 1) && joiner(e)) {
                    e += 2;
                } else {
                    break;
                }
            }
            return e;
        }

        /** Whether a capitalised surname starts word {@code w} with another capitalised syllable after it. */
        boolean personStarts(int w) {
            int k = wordStart[w];
            if (!allCap(w) || longest(k, SURNAME, false) < 0) {
                return false;
            }
            return wordStart[w + 1] - k >= 2 || (w + 1 < words() && allCap(w + 1));
        }

        boolean joiner(int w) {
            if (wordStart[w + 1] - wordStart[w] != 1) {
                return false;
            }
            String t = syl[wordStart[w]];
            return fold[wordStart[w]].equals(AND) || t.equals("-") || t.equals("&");
        }
    }

    /** The word after the syllable {@code end}'s word (a match that ends inside a word takes it whole). */
    private static int wordAfter(Sent s, int end) {
        return s.word[end - 1] + 1;
    }

    /** The entities that the lookup alone finds in each sentence (words of syllables), in order. */
    public List<Entity> lookup(List<String[]> words) {
        Validate.noNulls(words, "words");
        Sent s = new Sent(words);
        List<Entity> out = new ArrayList<>();
        int w = 0;
        while (w < s.words()) {
            int next = match(s, w, out);
            w = Math.max(next, w + 1);
        }
        return out;
    }

    /** Adds what starts at word {@code w} to {@code out}; returns the word to go on from. */
    private int match(Sent s, int w, List<Entity> out) {
        int k = s.wordStart[w];
        if (k >= s.syl.length) {
            return w + 1;
        }
        boolean acronym = s.syl[k].length() > 1 && s.syl[k].equals(s.syl[k].toUpperCase(java.util.Locale.ROOT));
        // an organisation: head, then an optional type word and place, then the capitalised name
        int alone = s.longest(k, ORG_ALONE, false);
        int head = Math.max(alone, s.longest(k, ORG, false));
        if (head > 0 && head < s.syl.length && s.word[head] == s.word[head - 1] && !s.cap[head]) {
            head = -1; // "Bộ trưởng" is no "Bộ" with a name
        }
        if (head > 0 && (s.cap[k] || acronym)) {
            boolean isAlone = head == alone;
            int end = wordAfter(s, head);
            boolean named = head < s.wordStart[end];
            int kind = end < s.words() ? s.longest(s.wordStart[end], KIND, true) : -1;
            if (kind > 0) {
                int afterKind = wordAfter(s, kind);
                int name = s.capRun(afterKind);
                if (name == afterKind && s.number(afterKind)) {
                    name++;
                }
                if (name > afterKind) {
                    end = name;
                    named = true;
                } else if (isAlone) {
                    end = afterKind;
                }
            } else {
                int name = s.capRun(end);
                named |= name > end;
                end = name;
            }
            if (named || isAlone) {
                out.add(new Entity(w, end, Entity.ORGANIZATION, 1.0));
                return end;
            }
        }
        // a place after its type word
        int kind = s.longest(k, KIND, true);
        if (kind > 0) {
            int after = wordAfter(s, kind);
            if (s.number(after)) {
                out.add(new Entity(w, after + 1, Entity.LOCATION, 1.0));
                return after + 1;
            }
            int name = s.capRun(after);
            if (name > after) {
                out.add(new Entity(after, name, Entity.LOCATION, 1.0));
                return name;
            }
        }
        int cue = Math.max(s.longest(k, PERSON_CUE, true), Math.max(s.longest(k, HONORIFIC, true), s.longest(k, TITLE, true)));
        if (cue > 0) {
            int after = wordAfter(s, cue);
            int end = after;
            while (end < s.words() && s.allCap(end) && s.wordStart[end + 1] - s.wordStart[after] <= MAX_PERSON - 1
                    && (end > after || !placeOrBody(s, s.wordStart[end]))) {
                end++;
            }
            if (end > after) {
                out.add(new Entity(after, end, Entity.PERSON, 1.0));
                return end;
            }
        }
        if (!s.cap[k] && !acronym) {
            return w + 1;
        }
        int place = Math.max(s.longest(k, TYPED, true), Math.max(s.longest(k, PROVINCE, true), s.longest(k, COUNTRY, true)));
        int cued = s.longest(k, COUNTRY_CUED, true);
        boolean bare = w > 0 && !s.capWord(w - 1) && !s.capWord(wordAfter(s, Math.max(cued, k + 1)));
        if (cued > place && w > 0 && (cueBefore(s, k) || bare)) {
            place = cued;
        }
        if (place > 0) {
            int end = wordAfter(s, place);
            out.add(new Entity(w, end, Entity.LOCATION, 1.0));
            return end;
        }
        // a person: a surname and capitalised words after it, every syllable capitalised
        int sur = s.longest(k, SURNAME, false);
        if (sur > 0 && s.allCap(w)) {
            int end = w + 1;
            while (end < s.words() && s.allCap(end) && s.wordStart[end + 1] - k <= MAX_PERSON
                    && s.longest(s.wordStart[end], ORG, false) < 0 && s.longest(s.wordStart[end], ORG_ALONE, false) < 0) {
                end++;
            }
            if (s.wordStart[end] - k >= 2 && s.wordStart[end] - k <= MAX_PERSON) {
                out.add(new Entity(w, end, Entity.PERSON, 1.0));
                return end;
            }
        }
        return w + 1;
    }

    /** Whether an organisation head, a type word, a province or a country starts at syllable {@code k}. */
    private static boolean placeOrBody(Sent s, int k) {
        return s.longest(k, ORG, false) > 0 || s.longest(k, ORG_ALONE, false) > 0 || s.longest(k, KIND, true) > 0
                || s.longest(k, PROVINCE, true) > 0 || s.longest(k, COUNTRY, true) > 0 || s.longest(k, TYPED, true) > 0;
    }

    /** Whether a country cue ("nước", "sang", "Tổng thống") ends right before syllable {@code k}. */
    private boolean cueBefore(Sent s, int k) {
        StringBuilder b = new StringBuilder();
        for (int a = k - 1; a >= 0 && k - a <= 3; a--) {
            b.insert(0, a < k - 1 ? s.fold[a] + " " : s.fold[a]);
            Set<String> c = phrases.get(b.toString());
            if (c != null && c.contains(CUE)) {
                return true;
            }
        }
        return false;
    }
}
