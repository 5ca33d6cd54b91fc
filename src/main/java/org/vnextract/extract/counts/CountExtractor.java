package org.vnextract.extract.counts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.clean.Article;
import org.vnextract.extract.Extractor;
import org.vnextract.extract.Lexer;
import org.vnextract.extract.Lexer.Lexeme;
import org.vnextract.text.NumberParts;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;

/**
 * Finds counts (RECORD.md "Counts"): a cardinal number with the thing it counts — "4.595 đảng
 * viên", "224/274 chi bộ" (value and total), "50-75 triệu đồng" (a range, money in đồng), "hơn 2
 * năm" (qualified), "100%", "hơn hai năm" (in words). Numbers inside dates and periods (by their
 * shapes: this package does not depend on the dates extractor), document symbols, times, labels ("lần thứ 18", "Khối 2") and numbers
 * that count nothing are left out. The counted noun phrase runs to the first verb, preposition or
 * punctuation; those words are data under {@code models/counts/}.
 *
 * <p>One pass over the {@link Lexer}'s lexemes with bounded look-around at each: linear in the text.
 * Immutable; thread-safe.
 */
public final class CountExtractor implements Extractor<CountMention> {
    /** The counted noun phrase is cut after this many words (its first syllable is what matters). */
    static final int MAX_UNIT_WORDS = 6;

    private final Lexer lexer = new Lexer();
    private final VietnameseNumbers numbers;
    private final Set<String> qualifiers;
    private final Set<String> labels = new HashSet<>();
    private final Set<String> capitalLabels = new HashSet<>(); // "Kế hoạch 70", not "báo cáo hai chuyên đề"
    private final Set<String> stops;
    private final Set<String> verbs; // unit_verbs.txt: whole words of the segmenter
    private final Set<String> notUnits;
    private final Set<String> notMoney;
    private final Map<String, String> currencies = new HashMap<>();
    private final Set<String> spelledNouns;
    private final Set<String> exponentBases; // "m 2", "km 2": a square written with a loose superscript
    private final Set<String> gluedUnits = new HashSet<>(); // "300kg", "415.000NDT": case-sensitive
    private final Set<String> measureLabels; // "quả 11m": a penalty, not a measure
    // durations.tsv, by kind: the clock words, and the cues that make one a length of time or a time of day
    private final Set<String> durationUnits = new HashSet<>();
    private final Set<String> durationBefore = new HashSet<>();
    private final Set<String> durationAfter = new HashSet<>();
    private final Set<String> timeOfDay = new HashSet<>();

    public CountExtractor(ModelSource models) {
        Validate.notNull(models, "models");
        this.numbers = new VietnameseNumbers(models);
        this.qualifiers = lowerSet(models.lines("counts/qualifiers.txt"));
        for (String l : models.lines("counts/labels.txt")) {
            String e = l.strip();
            (Character.isUpperCase(e.charAt(0)) ? capitalLabels : labels).add(e.toLowerCase(Locale.ROOT));
        }
        this.stops = lowerSet(models.lines("counts/unit_stops.txt"));
        this.verbs = lowerSet(models.lines("counts/unit_verbs.txt"));
        this.notUnits = lowerSet(models.lines("counts/not_units.txt"));
        this.notMoney = lowerSet(models.lines("counts/not_money.txt"));
        this.spelledNouns = lowerSet(models.lines("counts/spelled_nouns.txt"));
        this.exponentBases = lowerSet(models.lines("counts/exponent_bases.txt"));
        this.measureLabels = lowerSet(models.lines("counts/measure_labels.txt"));
        for (String l : models.lines("counts/durations.tsv")) {
            String[] c = l.split("\t");
            Set<String> into = switch (c[0].strip()) {
                case "unit" -> durationUnits;
                case "before" -> durationBefore;
                case "after" -> durationAfter;
                case "time" -> timeOfDay;
                default -> throw new PipelineException("counts/durations.tsv: unknown kind '" + c[0] + "' in: " + l);
            };
            into.add(c[1].strip().toLowerCase(Locale.ROOT));
        }
        for (String l : models.lines("counts/glued_units.txt")) {
            gluedUnits.add(l.strip());
        }
        for (String l : models.lines("counts/currencies.tsv")) {
            String[] c = l.split("\t");
            currencies.put(c[0].strip().toLowerCase(Locale.ROOT), c[1].strip());
        }
    }

    private static Set<String> lowerSet(List<String> lines) {
        Set<String> s = new HashSet<>();
        for (String l : lines) {
            s.add(l.strip().toLowerCase(Locale.ROOT));
        }
        return s;
    }

    @Override
    public String name() {
        return "counts";
    }

    @Override
    public Key<List<CountMention>> key() {
        return CountMention.KEY;
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Words.KEY);
    }

    @Override
    public List<CountMention> extract(Analysis in) {
        return find(in.get(AnalyzedText.KEY).text(), in.get(Words.KEY));
    }

    /** The counts of {@code text}, every syllable taken for a word. */
    public List<CountMention> find(String text) {
        return find(text, null);
    }

    /** The counts of {@code text} whose words ({@code words}, or null) the segmenter found. */
    public List<CountMention> find(String text, Words words) {
        Validate.notNull(text, "text");
        List<Lexeme> lx = lexer.lex(text);
        List<String> lower = new ArrayList<>(lx.size());
        for (Lexeme x : lx) {
            lower.add(x.lower());
        }
        Scan s = new Scan(text, lx, lower, words);
        s.run();
        return s.out;
    }

    /** One pass over one article. Not thread-safe; made per article. */
    private final class Scan {
        final String text;
        final List<Lexeme> lx;
        final List<String> lower;
        final int n;
        final List<CountMention> out = new ArrayList<>();
        final Words words; // null: every syllable a word

        Scan(String text, List<Lexeme> lx, List<String> lower, Words words) {
            this.words = words;
            this.text = text;
            this.lx = lx;
            this.lower = lower;
            this.n = lx.size();
        }

        void run() {
            int i = 0;
            while (i < n) {
                Lexeme x = lx.get(i);
                int next = i + 1;
                if (x.isNumber()) {
                    next = Math.max(next, digits(i));
                } else if (x.isWord() && numbers.isNumberWord(x.lower()) && !numbers.isNumberWord(lowerAt(i - 1))) {
                    next = Math.max(next, spelled(i));
                }
                i = next;
            }
        }

        Lexeme at(int i) {
            return i >= 0 && i < n ? lx.get(i) : null;
        }

        String lowerAt(int i) {
            return i >= 0 && i < n ? lower.get(i) : null;
        }

        boolean punct(int i, char c) {
            Lexeme x = at(i);
            return x != null && x.is(c, text);
        }

        boolean dash(int i) {
            return punct(i, '-') || punct(i, '–');
        }

        /** The longest phrase of up to {@code k} words ending before {@code i} that is in {@code set}; its word count or 0. */
        int phraseBefore(int i, Set<String> set, int k) {
            String phrase = null;
            int best = 0;
            for (int w = 1; w <= k && i - w >= 0 && lx.get(i - w).isWord(); w++) {
                phrase = phrase == null ? lower.get(i - w) : lower.get(i - w) + " " + phrase;
                if (set.contains(phrase)) {
                    best = w;
                }
            }
            return best;
        }

        /** True when the words before {@code i} make the number a label ("lần thứ 18", "Kế hoạch 70"). */
        boolean label(int i) {
            if (phraseBefore(i, labels, 3) > 0) {
                return true;
            }
            int w = phraseBefore(i, capitalLabels, 3);
            return w > 0 && Character.isUpperCase(text.charAt(lx.get(i - w).start()));
        }

        /** True when {@code i} starts a stop phrase of one to four words. */
        /**
         * Whether the counted noun phrase ends before lexeme {@code i}: a stop phrase starts there, or
         * a verb (unit_verbs.txt) of the segmenter; neither counts inside a word ("trực thuộc" holds
         * no stop "thuộc").
         */
        boolean stopAt(int i, boolean first) {
            if (words == null) {
                return phraseAt(i, stops, 4) > 0;
            }
            int from = lx.get(i).start();
            if (!words.startsWordAt(from)) {
                return false;
            }
            if (phraseAt(i, stops, 4) > 0) {
                return true;
            }
            int end = words.wordEndAfter(from + 1);
            // a verb with something after it ("dự hội nghị", "cần hỗ trợ"); one that ends the clause is
            // the last syllable of a noun the segmenter left apart ("khách mời.", "phòng học.")
            return !first && verbs.contains(text.substring(from, end).toLowerCase(Locale.ROOT)) && letterAfter(end);
        }

        /** Whether a word follows the character offset {@code end}, past one space. */
        boolean letterAfter(int end) {
            int k = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
            return k > end && k < text.length() && Character.isLetter(text.charAt(k));
        }

        /**
         * The end of a unit over lexemes {@code [j, u)} moved to a word boundary when it cuts a word
         * (cut at {@link #MAX_UNIT_WORDS} syllables, say): the word is read to its end ("đảng viên
         * người dân tộc thiểu" + "số").
         */
        int wordEnd(int u) {
            int k = u;
            while (words != null && k < n && k - u < MAX_UNIT_WORDS && lx.get(k).isWord()
                    && !words.endsWordAt(lx.get(k - 1).end())) {
                k++;
            }
            return k;
        }

        /** The length in words of the longest phrase of {@code set} starting at {@code i} (up to {@code k} words), or 0. */
        int phraseAt(int i, Set<String> set, int k) {
            String phrase = null;
            int best = 0;
            for (int w = 0; w < k && i + w < n && lx.get(i + w).isWord(); w++) {
                phrase = phrase == null ? lower.get(i) : phrase + " " + lower.get(i + w);
                if (set.contains(phrase)) {
                    best = w + 1;
                }
            }
            return best;
        }

        /** A number glued to letters ("VOV1", "8h", "QH13") or to a symbol ("21-KL/TW", "20/NQ-HĐND"). */
        boolean glued(Lexeme x) {
            if (gluedBefore(x)) {
                return true;
            }
            int a = x.end();
            if (a < text.length()) {
                char c = text.charAt(a);
                if (Character.isLetter(c)) {
                    return true;
                }
                if ((c == '/' || c == '-' || c == '.') && a + 1 < text.length() && Character.isLetterOrDigit(text.charAt(a + 1))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The lexeme index just past a measure unit written against the number at {@code i}
         * ("300kg", "1.900m2"), or -1. The unit must be listed as written in glued_units.txt and end
         * the letter run; a 2 or 3 after a square base is its exponent.
         */
        int gluedUnit(int i) {
            Lexeme x = lx.get(i);
            Lexeme w = at(i + 1);
            if (w == null || !w.isWord() || w.start() != x.end() || w.end() - w.start() > 4 || gluedBefore(x)
                    || !gluedUnits.contains(text.substring(w.start(), w.end()))) {
                return -1;
            }
            int past = i + 2;
            int a = w.end();
            Lexeme e = at(i + 2);
            if (e != null && e.isNumber() && (e.start() == a || e.start() == a + 1 && text.charAt(a) == ' ')
                    && e.end() == e.start() + 1 && exponentBases.contains(w.lower())
                    && (text.charAt(e.start()) == '2' || text.charAt(e.start()) == '3')) { // "m2", "m 3 /s"
                past = i + 3;
                a = e.end();
            }
            if (a < text.length() && (Character.isLetterOrDigit(text.charAt(a))
                    || (text.charAt(a) == '-' || text.charAt(a) == '.' || text.charAt(a) == ',') && a + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(a + 1)))) {
                return -1; // "1m75", "5m2a", "20kg-A": a code, not a measure
            }
            return past;
        }

        /** A number glued after letters or a symbol: "F1", "U23", "MH370", "Covid-19", "/2021". */
        boolean gluedBefore(Lexeme x) {
            int b = x.start() - 1;
            if (b < 0) {
                return false;
            }
            char c = text.charAt(b);
            return Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == ',' || c == '-' && b > 0 && Character.isLetter(text.charAt(b - 1));
        }

        /** A measure with its unit written against it ("300kg" → 300 kg, "415.000NDT" → 415000 NDT). */
        int measure(int i, int unitEnd, BigDecimal value, BigDecimal total, BigDecimal max) {
            Lexeme w = lx.get(i + 1);
            String money = currencies.get(w.lower());
            int end = lx.get(unitEnd - 1).end();
            // "407m 2" is written "m2": the loose superscript's space is not part of the unit
            String written = unitEnd == i + 3 ? text.substring(w.start(), w.end()) + text.charAt(end - 1) : text.substring(w.start(), end);
            int k = unitEnd + 1;
            if (max == null && total == null && dash(unitEnd) && at(k) != null && at(k).isNumber()) {
                // "588m – 644m": a range with the unit written on both ends
                int e = gluedUnit(k);
                Lexeme unit2 = e > 0 ? lx.get(k + 1) : null;
                BigDecimal m = unit2 != null && unit2.end() - unit2.start() == w.end() - w.start()
                        && text.regionMatches(unit2.start(), text, w.start(), w.end() - w.start()) && e - k == unitEnd - i
                        ? numbers.parseDigits(text, lx.get(k).start(), lx.get(k).end()) : null;
                if (m != null && m.compareTo(value) > 0) {
                    max = m;
                    end = lx.get(e - 1).end();
                    unitEnd = e;
                }
            }
            add(i, value, total, max, money != null ? money : written, end);
            return unitEnd;
        }

        int digits(int i) {
            Lexeme x = lx.get(i);
            int unitEnd = gluedUnit(i);
            if (unitEnd < 0 && glued(x)) {
                return i + 1;
            }
            NumberParts p = NumberParts.of(text, x.start(), x.end());
            if (p.tooLong() || contains(x, ':')) {
                return i + 1; // times ("13:45") and runs too long to be a count
            }
            if (phoneLike(x)) {
                return i + 1; // phone numbers and codes ("0912.345.678"); "02", "07/08" stay
            }
            if (label(i)) {
                return i + 1;
            }
            BigDecimal value;
            BigDecimal total = null;
            BigDecimal max = null;
            int split = splitAt(x, '/');
            int range = splitAt(x, '-');
            if (split > 0) {
                value = numbers.parseDigits(text, x.start(), split);
                total = numbers.parseDigits(text, split + 1, x.end());
                if (value == null || total == null || value.compareTo(total) > 0) {
                    return i + 1;
                }
                if (dateAcross(i - 1, i - 2) || dateAcross(i + 1, i + 2)) {
                    return i + 1; // "30/4 - 1/5": a day range, not the ratio 1/5
                }
            } else if (range > 0) {
                value = numbers.parseDigits(text, x.start(), range);
                max = numbers.parseDigits(text, range + 1, x.end());
                if (value == null || max == null || value.compareTo(max) >= 0) {
                    return i + 1;
                }
            } else {
                value = numbers.parseDigits(text, x.start(), x.end());
                if (value == null) {
                    return i + 1;
                }
            }
            if (unitEnd > 0) {
                return phraseBefore(i, measureLabels, 2) > 0 ? unitEnd : measure(i, unitEnd, value, total, max);
            }
            if (total == null && max == null && x.end() - x.start() == 4 && value.intValue() >= 1900 && value.intValue() <= 2100) {
                return i + 1; // a year ("Cúp Quốc gia 2021"): counts this large are written "2.021"
            }
            if (max != null && yearRangeAt(i)) {
                return i + 1; // "nhiệm kỳ 2020-2025": a period
            }
            if ("tháng".equals(lowerAt(i + 1)) && at(i + 2) != null && at(i + 2).isNumber()) {
                return i + 1; // "28 tháng 6 năm 2021": a date
            }
            if (nameBefore(i)) {
                return i + 1; // "iPhone 11 Pro Max", "Hội nghị Trung ương 6 Khóa XIII"
            }
            if (total == null && max == null && (value.intValue() == 2 || value.intValue() == 3) && x.end() - x.start() == 1
                    && at(i - 1) != null && at(i - 1).isWord() && at(i - 1).end() - at(i - 1).start() <= 2
                    && exponentBases.contains(lower.get(i - 1))) {
                return i + 1; // "15 triệu đồng/m 2": an exponent
            }
            if (dash(i - 1) && at(i - 2) != null && at(i - 2).isWord() && hasUpperCase(at(i - 2))) {
                return i + 1; // "Covid - 19": part of a name
            }
            int j = i + 1;
            // "180 - 200 đảng viên", "từ 3 đến 5 năm"
            if (max == null && total == null) {
                int k = rangeEnd(i, j);
                if (k > 0) {
                    BigDecimal m = numbers.parseDigits(text, lx.get(k).start(), lx.get(k).end());
                    if (m != null && m.compareTo(value) > 0) {
                        max = m;
                        j = k + 1;
                    }
                }
            }
            return finish(i, j, value, total, max);
        }

        /**
         * The lexeme of a range's second number, after the number at {@code i} and the link at
         * {@code j} ("180 - 200", "từ 3 đến 5"; "đến"/"tới" only after "từ"), or -1. A number glued
         * to a code or a year is no range end.
         */
        int rangeEnd(int i, int j) {
            int k = j + 1;
            boolean link = dash(j) || toWord(j) && "từ".equals(lowerAt(i - 1));
            return link && at(k) != null && at(k).isNumber() && !glued(lx.get(k)) && !year(lx.get(k)) ? k : -1;
        }

        /** "đến" or "tới" ("to") at {@code k}. */
        boolean toWord(int k) {
            return "đến".equals(lowerAt(k)) || "tới".equals(lowerAt(k));
        }

        /**
         * The ratio-shaped lexeme next to {@code link} is a day-month: {@code link} is a dash or
         * "đến"/"tới" and {@code other} is surely a date, a day-month no ratio can be ("30/4", the
         * part above the whole) or a day-month-year ("1/5/2023").
         */
        boolean dateAcross(int link, int other) {
            Lexeme o = at(other);
            if (o == null || !o.isNumber() || !(dash(link) || toWord(link))) {
                return false;
            }
            NumberParts p = NumberParts.of(text, o.start(), o.end());
            if (p.tooLong() || !p.isDay(0) || p.groups() < 2 || !p.isMonth(1)) {
                return false;
            }
            if (p.groups() == 2) {
                return p.separator(0) == '/' && p.value(0) > p.value(1);
            }
            return p.groups() == 3 && p.separator(0) == p.separator(1) && p.isYear(2);
        }

        /** "0912.345.678", "02363822": a leading zero on a long run; "02", "07/08", "0,44" are numbers. */
        boolean phoneLike(Lexeme x) {
            if (text.charAt(x.start()) != '0' || x.end() - x.start() < 2 || !Character.isDigit(text.charAt(x.start() + 1))) {
                return false;
            }
            int run = 0; // digits before the first separator
            int digits = 0;
            boolean first = true;
            for (int k = x.start(); k < x.end(); k++) {
                if (Character.isDigit(text.charAt(k))) {
                    digits++;
                    run += first ? 1 : 0;
                } else {
                    first = false;
                }
            }
            return run >= 4 || digits >= 8;
        }

        boolean contains(Lexeme x, char c) {
            for (int k = x.start(); k < x.end(); k++) {
                if (text.charAt(k) == c) {
                    return true;
                }
            }
            return false;
        }

        /** The position of the one {@code sep} splitting a ratio or range lexeme, or -1. */
        int splitAt(Lexeme x, char sep) {
            int found = -1;
            for (int k = x.start(); k < x.end(); k++) {
                char c = text.charAt(k);
                if (c == sep || sep == '-' && c == '–') {
                    if (found >= 0) {
                        return -1;
                    }
                    found = k;
                }
            }
            return found;
        }

        int spelled(int i) {
            Lexeme x = lx.get(i);
            if (Character.isUpperCase(text.charAt(x.start())) && !sentenceStart(i)) {
                return i + 1; // "Ba Đình", "Hai Bà Trưng": names, unless the sentence starts with the number
            }
            if (label(i)) {
                return i + 1; // "thứ hai", "lần ba"
            }
            if (phraseBefore(i + 1, spelledNouns, 2) > 1 || phraseAt(i, spelledNouns, 2) > 1) {
                return i + 1; // "ngã ba", "ba mẹ": a noun, not a number
            }
            VietnameseNumbers.Spelled sp = numbers.parseWords(lower, i);
            if (sp == null || sp.value() <= 1 && sp.words() == 1 || sp.value() == 0) {
                return i + 1; // "một" is the article "a"
            }
            return finish(i, i + sp.words(), BigDecimal.valueOf(sp.value()), null, null);
        }

        /** A year written as a bare four-digit number ("2022"); counts this large are written "2.022". */
        boolean year(Lexeme x) {
            if (x == null || !x.isNumber() || x.end() - x.start() != 4 || glued(x)) {
                return false;
            }
            NumberParts p = NumberParts.of(text, x.start(), x.end());
            return p.groups() == 1 && p.value(0) >= 1900 && p.value(0) <= 2100;
        }

        /** "2015-2020", "2011 – 2020" (one lexeme or three). */
        boolean yearRangeAt(int k) {
            Lexeme x = at(k);
            if (x == null || !x.isNumber()) {
                return false;
            }
            NumberParts p = NumberParts.of(text, x.start(), x.end());
            if (!p.tooLong() && p.groups() == 2 && p.separator(0) == '-' && p.isYear(0) && p.isYear(1)) {
                return true;
            }
            return year(x);
        }

        /**
         * The unit {@code [j, u)} ends in "năm" before a year or a span of years: the number belongs to
         * a period ("5 năm 2015-2020", "6 tháng đầu năm 2022", "10 năm (2011 – 2020)", "6 tháng đầu năm nay").
         */
        boolean periodAfter(int j, int u) {
            if (!"năm".equals(lower.get(u - 1))) {
                return false;
            }
            int k = punct(u, '(') ? u + 1 : u;
            if (yearRangeAt(k)) {
                return true;
            }
            String next = lowerAt(u);
            return "tháng".equals(lower.get(j)) && ("nay".equals(next) || "ngoái".equals(next) || "trước".equals(next));
        }

        /** A number at {@code k}: the word before it starts a date or a label ("18 bệnh nhân | hôm 29/5"), not the unit. */
        boolean numberAt(int k) {
            return at(k) != null && at(k).isNumber() && !yearRangeAt(k); // "6 tháng đầu năm 2022" stays whole: a period
        }

        /** The word at {@code u} is glued to a number after it ("F1", "Covid-19"): a code that ends the unit. */
        boolean codeAfter(int u) {
            int a = lx.get(u).end();
            if (a < text.length() && Character.isDigit(text.charAt(a))) {
                return true;
            }
            return a + 1 < text.length() && text.charAt(a) == '-' && Character.isDigit(text.charAt(a + 1))
                    || a + 2 < text.length() && text.charAt(a) == ' ' && text.charAt(a + 1) == '-'
                            && (Character.isDigit(text.charAt(a + 2)) || text.charAt(a + 2) == ' ' && a + 3 < text.length()
                                    && Character.isDigit(text.charAt(a + 3)));
        }

        /** A capitalised word before the number and after it, mid-sentence: part of a name. */
        boolean nameBefore(int i) {
            Lexeme prev = at(i - 1);
            Lexeme next = at(i + 1);
            return prev != null && prev.isWord() && next != null && next.isWord() && !sentenceStart(i - 1)
                    && hasUpperCase(prev) && Character.isUpperCase(text.charAt(next.start()));
        }

        boolean hasUpperCase(Lexeme w) { // "iPhone" too
            for (int k = w.start(); k < w.end(); k++) {
                if (Character.isUpperCase(text.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        boolean sentenceStart(int i) {
            Lexeme p = at(i - 1);
            return p == null || p.kind() == Lexer.Kind.BREAK || p.is('.', text) || p.is(':', text) || p.is('“', text)
                    || p.is('"', text) || p.is('!', text) || p.is('?', text);
        }

        /**
         * Reads scale, percent and unit after the number ({@code i} its first lexeme, {@code j} the
         * lexeme after it) and adds the count; returns the index to go on from.
         */
        int finish(int i, int j, BigDecimal value, BigDecimal total, BigDecimal max) {
            // scale words: "5,8 tỷ", "136 nghìn"
            int scaled = 0;
            while (scaled < 2 && at(j) != null && at(j).isWord() && numbers.scale(lower.get(j)) != null) {
                BigDecimal f = numbers.scale(lower.get(j));
                value = value.multiply(f);
                max = max == null ? null : max.multiply(f);
                j++;
                scaled++;
            }
            if (scaled > 0 && max == null && total == null) {
                // "từ 30 triệu đến 40 triệu đồng", "30 triệu - 40 triệu đồng": a range whose ends both carry a scale
                int k = rangeEnd(i, j);
                if (k > 0 && at(k + 1) != null && at(k + 1).isWord() && numbers.scale(lower.get(k + 1)) != null) {
                    BigDecimal m = numbers.parseDigits(text, lx.get(k).start(), lx.get(k).end());
                    int e = k + 1;
                    for (int t = 0; m != null && t < 2 && at(e) != null && at(e).isWord() && numbers.scale(lower.get(e)) != null; t++) {
                        m = m.multiply(numbers.scale(lower.get(e)));
                        e++;
                    }
                    if (m != null && m.compareTo(value) > 0) {
                        max = m;
                        j = e;
                    }
                }
            }
            String unit;
            int end;
            if (punct(j, '%')) {
                unit = "%";
                end = lx.get(j).end();
                j++;
            } else if ("phần".equals(lowerAt(j)) && "trăm".equals(lowerAt(j + 1))) {
                unit = "%";
                end = lx.get(j + 1).end();
                j += 2;
            } else {
                int u = j;
                while (u < n && u - j < MAX_UNIT_WORDS && lx.get(u).isWord() && !stopAt(u, u == j)
                        && !(u > j && numbers.scale(lower.get(u)) != null) && !(u > j && codeAfter(u))
                        && !(u > j && numberAt(u + 1))) {
                    u++;
                }
                u = u > j ? wordEnd(u) : u;
                if (u > j && notUnits.contains(lower.get(j))) {
                    if (!duration(i, j)) {
                        return i + 1;
                    }
                    u = j + 1; // "24 giờ": the duration cue after it ("liên tục") is not part of the unit
                }
                if (u == j) {
                    return i + 1;
                }
                if (periodAfter(j, u)) {
                    return i + 1;
                }
                String first = lower.get(j);
                String money = phraseAt(j, notMoney, 3) > 0 ? null : currencies.get(first);
                if (money != null) {
                    unit = money;
                    end = lx.get(j).end();
                } else {
                    unit = text.substring(lx.get(j).start(), lx.get(u - 1).end());
                    end = lx.get(u - 1).end();
                }
                j = u;
            }
            add(i, value, total, max, unit, end);
            return j;
        }

        /**
         * The clock word at {@code j} after the number at {@code i} measures a length of time
         * ("suốt 24 giờ liên tục", "trong gần 48 giờ"), not a time of day ("lúc 8 giờ", "8 giờ sáng",
         * "vào 14 giờ 30"): durations.tsv.
         */
        boolean duration(int i, int j) {
            if (!durationUnits.contains(lower.get(j)) || numberAt(j + 1) || punct(j + 1, ':')
                    || phraseAt(j + 1, timeOfDay, 2) > 0) {
                return false;
            }
            int b = i - phraseBefore(i, qualifiers, 2);
            return phraseBefore(b, durationBefore, 3) > 0 || phraseAt(j + 1, durationAfter, 2) > 0;
        }

        /** Adds the count whose number starts at lexeme {@code i} and whose text ends at char {@code end}, with its qualifier. */
        void add(int i, BigDecimal value, BigDecimal total, BigDecimal max, String unit, int end) {
            int q = phraseBefore(i, qualifiers, 2);
            int start = q > 0 ? lx.get(i - q).start() : lx.get(i).start();
            String qualifier = q > 0 ? text.substring(lx.get(i - q).start(), lx.get(i - 1).end()).toLowerCase(Locale.ROOT) : null;
            out.add(new CountMention(value, unit, total, max, qualifier, text.substring(start, end), start, end));
        }
    }
}
