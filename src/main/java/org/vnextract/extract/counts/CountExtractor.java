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
import org.vnextract.extract.Mention;
import org.vnextract.extract.dates.DateMention;
import org.vnextract.extract.dates.Period;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;
import org.vnextract.segment.Words;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.NumberParts;
import org.vnextract.text.Token;
import org.vnextract.text.TokenKind;
import org.vnextract.text.TokenReader;

/**
 * Finds counts (RECORD.md "Counts"): a cardinal number with the thing it counts — "4.595 đảng
 * viên", "224/274 chi bộ" (value and total), "50-75 triệu đồng" (a range, money in đồng), "hơn 2
 * năm" (qualified), "100%", "hơn hai năm" (in words). Numbers inside the dates and periods the
 * dates stage found ({@link DateMention#KEY}, {@link Period#KEY}; a counted noun phrase ends where
 * one begins), document symbols, times, labels ("lần thứ 18", "Khối 2") and numbers that count
 * nothing are left out. The counted noun phrase runs to the first verb, preposition or
 * punctuation; those words are data under {@code models/counts/}.
 *
 * <p>One pass over the text stage's tokens, paragraph by paragraph ({@link TokenReader}), with
 * bounded look-around at each: linear in the text.
 * Immutable; thread-safe.
 */
public final class CountExtractor implements Extractor<CountMention> {
    /** The counted noun phrase is cut after this many words (its first syllable is what matters). */
    static final int MAX_UNIT_WORDS = 6;

    private final VietnameseNumbers numbers;
    private final Set<String> qualifiers;
    private final Set<String> labels = new HashSet<>();
    private final Set<String> capitalLabels = new HashSet<>(); // "Kế hoạch 70", not "báo cáo hai chuyên đề"
    private final Set<String> notLabels; // "tổng số 51": ends in a label word, makes no label
    private final Set<String> stops;
    private final Set<String> verbs; // unit_verbs.txt: whole words of the segmenter
    private final Set<String> notUnits;
    private final Set<String> notMoney;
    private final Set<String> slashUnits; // "7 Đ/C": an abbreviation with a slash, not money
    private final Map<String, String> currencies = new HashMap<>();
    private final Set<String> spelledNouns;
    private final Set<String> exponentBases; // "m 2", "km 2": a square written with a loose superscript
    private final Set<String> gluedUnits = new HashSet<>(); // "300kg", "415.000NDT": case-sensitive
    private final Set<String> measureLabels; // "quả 11m": a penalty, not a measure
    private final Set<String> periodEdges; // "2 quý đầu | năm 2016": the unit runs into the period
    private final Set<String> periodLeads; // "lũy kế 2 tháng": the year's first months, a period
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
        this.notLabels = lowerSet(models.lines("counts/not_labels.txt"));
        this.stops = lowerSet(models.lines("counts/unit_stops.txt"));
        this.verbs = lowerSet(models.lines("counts/unit_verbs.txt"));
        this.notUnits = lowerSet(models.lines("counts/not_units.txt"));
        this.notMoney = lowerSet(models.lines("counts/not_money.txt"));
        this.slashUnits = lowerSet(models.lines("counts/slash_units.txt"));
        this.spelledNouns = lowerSet(models.lines("counts/spelled_nouns.txt"));
        this.exponentBases = lowerSet(models.lines("counts/exponent_bases.txt"));
        this.measureLabels = lowerSet(models.lines("counts/measure_labels.txt"));
        this.periodEdges = lowerSet(models.lines("counts/period_edges.txt"));
        this.periodLeads = lowerSet(models.lines("counts/period_leads.txt"));
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
        return Set.of(AnalyzedText.KEY, Words.KEY, DateMention.KEY, Period.KEY);
    }

    @Override
    public List<CountMention> extract(Analysis in) {
        return find(in.get(AnalyzedText.KEY), in.get(Words.KEY), in.get(DateMention.KEY), in.get(Period.KEY));
    }

    /** The counts of {@code t} whose words ({@code words}, or null: every syllable a word) the segmenter found. */
    public List<CountMention> find(AnalyzedText t, Words words, List<DateMention> dates, List<Period> periods) {
        Validate.notNull(t, "t");
        Validate.noNulls(dates, "dates");
        Validate.noNulls(periods, "periods");
        List<Mention> dated = new ArrayList<>();
        dates.forEach(d -> dated.addAll(d.mentions()));
        periods.forEach(p -> dated.addAll(p.mentions()));
        Scan s = new Scan(t, words, Spans.of(dated));
        s.run();
        return s.out;
    }

    /** One pass over one article. Not thread-safe; made per article. */
    private final class Scan {
        final String text;
        final List<Token> tk;
        final TokenReader r; // one paragraph at a time: nothing is looked for across a line break
        final List<CountMention> out = new ArrayList<>();
        final Words words; // null: every syllable a word
        final Spans dated; // where the dates extractor found a date or a period

        Scan(AnalyzedText t, Words words, Spans dated) {
            this.words = words;
            this.dated = dated;
            this.text = t.text();
            this.tk = t.tokens();
            this.r = new TokenReader(t);
        }

        void run() {
            r.walk(i -> r.isNumber(i) ? digits(i)
                    : r.isWord(i) && numbers.isNumberWord(r.lower(i)) && !numbers.isNumberWord(r.lowerAt(i - 1)) ? spelled(i) : i + 1);
        }

        boolean dash(int i) {
            return r.punct(i, '-') || r.punct(i, '–');
        }

        /** Token {@code i} is part of a date or a period the dates extractor found: no count. */
        boolean dated(int i) {
            return dated.contains(tk.get(i).start());
        }

        /** The longest phrase of up to {@code k} words ending before {@code i} that is in {@code set}; its word count or 0. */
        int phraseBefore(int i, Set<String> set, int k) {
            String phrase = null;
            int best = 0;
            for (int w = 1; w <= k && r.isWord(i - w); w++) {
                phrase = phrase == null ? r.lower(i - w) : r.lower(i - w) + " " + phrase;
                if (set.contains(phrase)) {
                    best = w;
                }
            }
            return best;
        }

        /** True when the words before {@code i} make the number a label ("lần thứ 18", "Kế hoạch 70"). */
        boolean label(int i) {
            int l = phraseBefore(i, labels, 3);
            if (l > 0 && phraseBefore(i, notLabels, 3) < l) {
                return true;
            }
            int w = phraseBefore(i, capitalLabels, 3);
            return w > 0 && Character.isUpperCase(text.charAt(tk.get(i - w).start()));
        }

        /**
         * Whether the counted noun phrase ends before token {@code i}: a stop phrase starts there, or
         * a verb (unit_verbs.txt) of the segmenter; neither starts inside a word ("trực thuộc" holds
         * no stop "thuộc"). Right after the number a stop must also end where a word ends: that word
         * is the counted noun ("12 dự án", "7 bị can"); further on, a stop that begins a longer word
         * still ends the phrase ("3 người | bị thương", "20 hộ | được hỗ trợ").
         */
        boolean stopAt(int i, boolean first) {
            if (words == null) {
                return phraseAt(i, stops, 4) > 0;
            }
            int from = tk.get(i).start();
            if (!words.startsWordAt(from)) {
                return false;
            }
            int stop = phraseAt(i, stops, 4);
            if (stop > 0 && (!first || words.endsWordAt(tk.get(i + stop - 1).end()))) {
                return true; // the counted noun may begin with a stop: "12 dự án" ("dự" attends)
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
         * The end of a unit over tokens {@code [j, u)} moved to a word boundary when it cuts a word
         * (cut at {@link #MAX_UNIT_WORDS} syllables, say): the word is read to its end ("đảng viên
         * người dân tộc thiểu" + "số").
         */
        int wordEnd(int u) {
            int k = u;
            while (words != null && k - u < MAX_UNIT_WORDS && r.isWord(k)
                    && !words.endsWordAt(tk.get(k - 1).end())) {
                k++;
            }
            return k;
        }

        /** The length in words of the longest phrase of {@code set} starting at {@code i} (up to {@code k} words), or 0. */
        int phraseAt(int i, Set<String> set, int k) {
            String phrase = null;
            int best = 0;
            for (int w = 0; w < k && r.isWord(i + w); w++) {
                phrase = phrase == null ? r.lower(i) : phrase + " " + r.lower(i + w);
                if (set.contains(phrase)) {
                    best = w + 1;
                }
            }
            return best;
        }

        /** A number glued to letters ("VOV1", "8h", "QH13") or to a symbol ("21-KL/TW", "20/NQ-HĐND"). */
        boolean glued(int i) {
            if (gluedBefore(i)) {
                return true;
            }
            int a = r.end(i);
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
         * The token index just past a measure unit written against the number at {@code i}
         * ("300kg", "1.900m2"), or -1. The unit must be listed as written in glued_units.txt and end
         * the letter run; a 2 or 3 after a square base is its exponent.
         */
        int gluedUnit(int i) {
            if (r.tail(i) || !r.isWord(i + 1)) {
                return -1;
            }
            Token w = tk.get(i + 1);
            if (w.start() != r.end(i) || w.end() - w.start() > 4 || gluedBefore(i)
                    || !gluedUnits.contains(text.substring(w.start(), w.end()))) {
                return -1;
            }
            int past = i + 2;
            int a = w.end();
            if (r.isNumber(i + 2) && !r.tail(i + 2)) {
                Token e = tk.get(i + 2);
                if ((e.start() == a || e.start() == a + 1 && text.charAt(a) == ' ')
                        && e.end() == e.start() + 1 && exponentBases.contains(r.lower(i + 1))
                        && (text.charAt(e.start()) == '2' || text.charAt(e.start()) == '3')) { // "m2", "m 3 /s"
                    past = i + 3;
                    a = e.end();
                }
            }
            if (a < text.length() && (Character.isLetterOrDigit(text.charAt(a))
                    || (text.charAt(a) == '-' || text.charAt(a) == '.' || text.charAt(a) == ',') && a + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(a + 1)))) {
                return -1; // "1m75", "5m2a", "20kg-A": a code, not a measure
            }
            return past;
        }

        /** A number glued after letters or a symbol: "F1", "U23", "MH370", "Covid-19", "/2021". */
        boolean gluedBefore(int i) {
            int b = tk.get(i).start() - 1;
            if (b < 0) {
                return false;
            }
            char c = text.charAt(b);
            return Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == ',' || c == '-' && b > 0 && Character.isLetter(text.charAt(b - 1));
        }

        /** A measure with its unit written against it ("300kg" → 300 kg, "415.000NDT" → 415000 NDT). */
        int measure(int i, int unitEnd, BigDecimal value, BigDecimal total, BigDecimal max) {
            Token w = tk.get(i + 1);
            String money = currencies.get(r.lower(i + 1));
            int end = tk.get(unitEnd - 1).end();
            // "407m 2" is written "m2": the loose superscript's space is not part of the unit
            String written = unitEnd == i + 3 ? text.substring(w.start(), w.end()) + text.charAt(end - 1) : text.substring(w.start(), end);
            int k = unitEnd + 1;
            if (max == null && total == null && dash(unitEnd) && r.isNumber(k)) {
                // "588m – 644m": a range with the unit written on both ends
                int e = gluedUnit(k);
                Token unit2 = e > 0 ? tk.get(k + 1) : null;
                BigDecimal m = unit2 != null && unit2.end() - unit2.start() == w.end() - w.start()
                        && text.regionMatches(unit2.start(), text, w.start(), w.end() - w.start()) && e - k == unitEnd - i
                        ? numbers.parseDigits(text, tk.get(k).start(), r.end(k)) : null;
                if (m != null && m.compareTo(value) > 0) {
                    max = m;
                    end = tk.get(e - 1).end();
                    unitEnd = e;
                }
            }
            add(i, value, total, max, money != null ? money : written, end);
            return unitEnd;
        }

        int digits(int i) {
            if (dated(i)) {
                return i + 1; // "ngày 28-6-2021", "nhiệm kỳ 2020-2025", "5 năm 2015-2020": a date or a period
            }
            Token x = tk.get(i);
            int xEnd = r.end(i);
            int unitEnd = gluedUnit(i);
            if (unitEnd < 0 && glued(i)) {
                return i + 1;
            }
            NumberParts p = r.parts(i);
            if (p == null || contains(i, ':')) {
                return i + 1; // times ("13:45") and runs too long to be a count
            }
            if (phoneLike(i)) {
                return i + 1; // phone numbers and codes ("0912.345.678"); "02", "07/08" stay
            }
            if (label(i)) {
                return i + 1;
            }
            BigDecimal value;
            BigDecimal total = null;
            BigDecimal max = null;
            int split = splitAt(i, '/');
            int range = splitAt(i, '-');
            if (split > 0) {
                value = numbers.parseDigits(text, x.start(), split);
                total = numbers.parseDigits(text, split + 1, xEnd);
                if (value == null || total == null || value.compareTo(total) > 0) {
                    return i + 1;
                }
                if (dateAcross(i - 1, i - 2) || !r.tail(i) && dateAcross(i + 1, i + 2)) {
                    return i + 1; // "từ 29/4 – 2/5": the end of a day range the dates extractor reads as no date
                }
            } else if (range > 0) {
                value = numbers.parseDigits(text, x.start(), range);
                max = numbers.parseDigits(text, range + 1, xEnd);
                if (value == null || max == null || value.compareTo(max) >= 0) {
                    return i + 1;
                }
            } else {
                value = numbers.parseDigits(text, x.start(), xEnd);
                if (value == null) {
                    return i + 1;
                }
            }
            if (unitEnd > 0) {
                return phraseBefore(i, measureLabels, 2) > 0 ? unitEnd : measure(i, unitEnd, value, total, max);
            }
            if (total == null && max == null && xEnd - x.start() == 4 && value.intValue() >= 1900 && value.intValue() <= 2100) {
                return i + 1; // a year ("Cúp Quốc gia 2021"): counts this large are written "2.021"
            }
            if (!r.tail(i) && "tháng".equals(r.lowerAt(i + 1)) && r.isNumber(i + 2)) {
                return i + 1; // "vụ khủng bố 11 tháng 9": a day the dates extractor leaves, without a cue or year
            }
            if (nameBefore(i)) {
                return i + 1; // "iPhone 11 Pro Max", "Hội nghị Trung ương 6 Khóa XIII"
            }
            if (total == null && max == null && (value.intValue() == 2 || value.intValue() == 3) && xEnd - x.start() == 1
                    && r.isWord(i - 1) && tk.get(i - 1).length() <= 2 && exponentBases.contains(r.lower(i - 1))) {
                return i + 1; // "15 triệu đồng/m 2": an exponent
            }
            if (dash(i - 1) && r.isWord(i - 2) && hasUpperCase(tk.get(i - 2))) {
                return i + 1; // "Covid - 19": part of a name
            }
            int j = i + 1;
            // "180 - 200 đảng viên", "từ 3 đến 5 năm"
            if (max == null && total == null && !r.tail(i)) {
                int k = rangeEnd(i, j);
                if (k > 0) {
                    BigDecimal m = numbers.parseDigits(text, tk.get(k).start(), r.end(k));
                    if (m != null && m.compareTo(value) > 0) {
                        max = m;
                        j = k + 1;
                    }
                }
            }
            return finish(i, j, value, total, max);
        }

        /**
         * The token of a range's second number, after the number at {@code i} and the link at
         * {@code j} ("180 - 200", "từ 3 đến 5"; "đến"/"tới" only after "từ"), or -1. A number glued
         * to a code or a year is no range end.
         */
        int rangeEnd(int i, int j) {
            int k = j + 1;
            boolean link = dash(j) || toWord(j) && "từ".equals(r.lowerAt(i - 1));
            return link && r.isNumber(k) && !glued(k) && !year(k) ? k : -1;
        }

        /** "đến" or "tới" ("to") at {@code k}. */
        boolean toWord(int k) {
            return "đến".equals(r.lowerAt(k)) || "tới".equals(r.lowerAt(k));
        }

        /**
         * The ratio-shaped token next to {@code link} is a day-month: {@code link} is a dash or
         * "đến"/"tới" and {@code other} is surely a date, a day-month no ratio can be ("30/4", the
         * part above the whole) or a day-month-year ("1/5/2023").
         */
        boolean dateAcross(int link, int other) {
            if (!r.isNumber(other) || other < link && r.tail(other) || !(dash(link) || toWord(link))) {
                return false;
            }
            NumberParts p = r.parts(other);
            if (p == null || !p.isDay(0) || p.groups() < 2 || !p.isMonth(1)) {
                return false;
            }
            if (p.groups() == 2) {
                return p.separator(0) == '/' && p.value(0) > p.value(1);
            }
            return p.groups() == 3 && p.separator(0) == p.separator(1) && p.isYear(2);
        }

        /** "0912.345.678", "02363822": a leading zero on a long run; "02", "07/08", "0,44" are numbers. */
        boolean phoneLike(int i) {
            int start = tk.get(i).start();
            int end = r.end(i);
            if (text.charAt(start) != '0' || end - start < 2 || !Character.isDigit(text.charAt(start + 1))) {
                return false;
            }
            int run = 0; // digits before the first separator
            int digits = 0;
            boolean first = true;
            for (int k = start; k < end; k++) {
                if (Character.isDigit(text.charAt(k))) {
                    digits++;
                    run += first ? 1 : 0;
                } else {
                    first = false;
                }
            }
            return run >= 4 || digits >= 8;
        }

        boolean contains(int i, char c) {
            for (int k = tk.get(i).start(), end = r.end(i); k < end; k++) {
                if (text.charAt(k) == c) {
                    return true;
                }
            }
            return false;
        }

        /** The position of the one {@code sep} splitting a ratio or range token, or -1. */
        int splitAt(int i, char sep) {
            int found = -1;
            for (int k = tk.get(i).start(), end = r.end(i); k < end; k++) {
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
            if (dated(i)) {
                return i + 1;
            }
            if (Character.isUpperCase(text.charAt(tk.get(i).start())) && !sentenceStart(i)) {
                return i + 1; // "Ba Đình", "Hai Bà Trưng": names, unless the sentence starts with the number
            }
            if (label(i)) {
                return i + 1; // "thứ hai", "lần ba"
            }
            if (phraseBefore(i + 1, spelledNouns, 2) > 1 || phraseAt(i, spelledNouns, 2) > 1) {
                return i + 1; // "ngã ba", "ba mẹ": a noun, not a number
            }
            VietnameseNumbers.Spelled sp = numbers.parseWords(r.lowerWords(), i);
            if (sp == null || sp.value() <= 1 && sp.words() == 1 || sp.value() == 0) {
                return i + 1; // "một" is the article "a"
            }
            int last = i + sp.words() - 1;
            if (words != null && !words.endsWordAt(tk.get(last).end()) && r.isWord(last + 1)
                    && Character.isLowerCase(text.charAt(tk.get(last + 1).start()))) {
                // its last syllable opens a longer word: "một tỷ trọng" (a proportion), "chín chắn", "ba gác";
                // not a capitalised name the segmenter glued on ("Ba Phó Bí thư": three deputy secretaries)
                return i + 1;
            }
            return finish(i, i + sp.words(), BigDecimal.valueOf(sp.value()), null, null);
        }

        /** A year written as a bare four-digit number ("2022"); counts this large are written "2.022". */
        boolean year(int k) {
            if (!r.isNumber(k) || r.end(k) - tk.get(k).start() != 4 || glued(k)) {
                return false;
            }
            NumberParts p = r.parts(k);
            return p.groups() == 1 && p.value(0) >= 1900 && p.value(0) <= 2100;
        }

        /** "2015-2020", "2011 – 2020" (one token or three). */
        boolean yearRangeAt(int k) {
            NumberParts p = r.parts(k);
            if (p == null) {
                return false;
            }
            if (p.groups() == 2 && p.separator(0) == '-' && p.isYear(0) && p.isYear(1)) {
                return true;
            }
            return year(k);
        }

        /**
         * The unit {@code [j, u)} ends in "năm" before a year or a span of years: the number belongs to
         * a period ("5 năm 2015-2020", "6 tháng đầu năm 2022", "10 năm (2011 – 2020)", "6 tháng đầu năm nay").
         */
        boolean periodAfter(int j, int u) {
            if (("tháng".equals(r.lower(j)) || "quý".equals(r.lower(j))) && periodEdges.contains(r.lowerAt(j + 1))
                    && "năm".equals(r.lowerAt(j + 2))) {
                return true; // "6 tháng đầu năm", "2 quý cuối năm": a part of the year, with or without its number
            }
            if (!"năm".equals(r.lower(u - 1))) {
                return false;
            }
            int k = r.punct(u, '(') ? u + 1 : u;
            if (yearRangeAt(k)) {
                return true;
            }
            String next = r.lowerAt(u);
            return "tháng".equals(r.lower(j)) && ("nay".equals(next) || "ngoái".equals(next) || "trước".equals(next));
        }

        /**
         * The number at {@code i} of months or quarters (unit at {@code j}) follows a lead of
         * period_leads.txt: the year's first months, a period ("lũy kế 2 tháng tăng 14%").
         */
        boolean periodBefore(int i, int j) {
            String unit = r.lower(j);
            return ("tháng".equals(unit) || "quý".equals(unit)) && phraseBefore(i, periodLeads, 2) > 0;
        }

        /** A number at {@code k}: the word before it starts a date or a label ("18 bệnh nhân | hôm 29/5"), not the unit. */
        boolean numberAt(int k) {
            return r.isNumber(k) && !yearRangeAt(k); // "6 tháng đầu năm 2022" stays whole: a period
        }

        /** The word at {@code u} is glued to a number after it ("F1", "Covid-19"): a code that ends the unit. */
        boolean codeAfter(int u) {
            int a = tk.get(u).end();
            if (a < text.length() && Character.isDigit(text.charAt(a))) {
                return true;
            }
            return a + 1 < text.length() && text.charAt(a) == '-' && Character.isDigit(text.charAt(a + 1))
                    || a + 2 < text.length() && text.charAt(a) == ' ' && text.charAt(a + 1) == '-'
                            && (Character.isDigit(text.charAt(a + 2)) || text.charAt(a + 2) == ' ' && a + 3 < text.length()
                                    && Character.isDigit(text.charAt(a + 3)));
        }

        /**
         * A capitalised word before the number and after it, mid-sentence, or a word with an
         * apostrophe inside, which only names have ("D'Alice 89 Triệu Việt Vương"): part of a name.
         */
        boolean nameBefore(int i) {
            return r.isWord(i - 1) && !r.tail(i) && r.isWord(i + 1) && (!sentenceStart(i - 1) || apostrophe(tk.get(i - 1)))
                    && hasUpperCase(tk.get(i - 1)) && Character.isUpperCase(text.charAt(tk.get(i + 1).start()));
        }

        boolean apostrophe(Token w) {
            for (int k = w.start(); k < w.end(); k++) {
                if (text.charAt(k) == '\'' || text.charAt(k) == '’') {
                    return true;
                }
            }
            return false;
        }

        boolean hasUpperCase(Token w) { // "iPhone" too
            for (int k = w.start(); k < w.end(); k++) {
                if (Character.isUpperCase(text.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        boolean sentenceStart(int i) {
            Token p = r.at(i - 1);
            return p == null || r.punct(i - 1, '.') || r.punct(i - 1, ':') || r.punct(i - 1, '“')
                    || r.punct(i - 1, '"') || r.punct(i - 1, '!') || r.punct(i - 1, '?')
                    || p.kind() == TokenKind.ABBREVIATION && text.charAt(p.end() - 1) == '.'; // "TP." ends in a full stop
        }

        /**
         * Reads scale, percent and unit after the number ({@code i} its first token, {@code j} the
         * token after it) and adds the count; returns the index to go on from.
         */
        int finish(int i, int j, BigDecimal value, BigDecimal total, BigDecimal max) {
            if (r.isNumber(j - 1) && r.tail(j - 1)) {
                // "100%": the percent sign is written inside the number's token; a symbol's letters count nothing
                if (!r.punctAfter(j - 1, '%')) {
                    return i + 1;
                }
                add(i, value, total, max, "%", tk.get(j - 1).end());
                return j;
            }
            // scale words: "5,8 tỷ", "136 nghìn"
            int scaled = 0;
            while (scaled < 2 && r.isWord(j) && numbers.scale(r.lower(j)) != null) {
                BigDecimal f = numbers.scale(r.lower(j));
                value = value.multiply(f);
                max = max == null ? null : max.multiply(f);
                j++;
                scaled++;
            }
            if (scaled > 0 && max == null && total == null) {
                // "từ 30 triệu đến 40 triệu đồng", "30 triệu - 40 triệu đồng": a range whose ends both carry a scale
                int k = rangeEnd(i, j);
                if (k > 0 && !r.tail(k) && r.isWord(k + 1) && numbers.scale(r.lower(k + 1)) != null) {
                    BigDecimal m = numbers.parseDigits(text, tk.get(k).start(), r.end(k));
                    int e = k + 1;
                    for (int t = 0; m != null && t < 2 && r.isWord(e) && numbers.scale(r.lower(e)) != null; t++) {
                        m = m.multiply(numbers.scale(r.lower(e)));
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
            if (r.punct(j, '%')) {
                unit = "%";
                end = tk.get(j).end();
                j++;
            } else if ("phần".equals(r.lowerAt(j)) && "trăm".equals(r.lowerAt(j + 1))) {
                unit = "%";
                end = tk.get(j + 1).end();
                j += 2;
            } else if (slashUnit(j)) {
                unit = text.substring(tk.get(j).start(), tk.get(j + 2).end());
                end = tk.get(j + 2).end();
                j += 3;
            } else {
                int u = j;
                // a date or period ends the unit ("4,6 ha | năm 2016"); its cue may be the unit itself ("2 ngày 15-16/9")
                while (u - j < MAX_UNIT_WORDS && r.isWord(u) && !(u > j && dated(u)) && !stopAt(u, u == j)
                        && !(u > j && numbers.scale(r.lower(u)) != null) && !(u > j && codeAfter(u))
                        && !(u > j && numberAt(u + 1))) {
                    u++;
                }
                u = u > j ? wordEnd(u) : u;
                if (u > j && notUnits.contains(r.lower(j))) {
                    if (!duration(i, j)) {
                        return i + 1;
                    }
                    u = j + 1; // "24 giờ": the duration cue after it ("liên tục") is not part of the unit
                }
                if (u == j) {
                    return i + 1;
                }
                if (periodAfter(j, u) || periodBefore(i, j)) {
                    return i + 1;
                }
                String first = r.lower(j);
                String money = phraseAt(j, notMoney, 3) > 0 ? null : currencies.get(first);
                if (money == null && r.isWord(u) && dated(u) && periodEdges.contains(r.lower(u - 1))) {
                    return i + 1;
                }
                if (money != null) {
                    unit = money;
                    end = tk.get(j).end();
                } else {
                    unit = text.substring(tk.get(j).start(), tk.get(u - 1).end());
                    end = tk.get(u - 1).end();
                }
                j = u;
            }
            add(i, value, total, max, unit, end);
            return j;
        }

        /** Whether tokens {@code j..j+2} are a unit of slash_units.txt written without spaces ("Đ/C"). */
        boolean slashUnit(int j) {
            return r.isWord(j) && r.punct(j + 1, '/') && r.isWord(j + 2)
                    && tk.get(j).end() == tk.get(j + 1).start() && tk.get(j + 1).end() == tk.get(j + 2).start()
                    && slashUnits.contains(r.lower(j) + "/" + r.lower(j + 2));
        }

        /**
         * The clock word at {@code j} after the number at {@code i} measures a length of time
         * ("suốt 24 giờ liên tục", "trong gần 48 giờ"), not a time of day ("lúc 8 giờ", "8 giờ sáng",
         * "vào 14 giờ 30"): durations.tsv.
         */
        boolean duration(int i, int j) {
            if (!durationUnits.contains(r.lower(j)) || numberAt(j + 1) || r.punct(j + 1, ':')
                    || phraseAt(j + 1, timeOfDay, 2) > 0) {
                return false;
            }
            int b = i - phraseBefore(i, qualifiers, 2);
            return phraseBefore(b, durationBefore, 3) > 0 || phraseAt(j + 1, durationAfter, 2) > 0;
        }

        /** Adds the count whose number starts at token {@code i} and whose text ends at char {@code end}, with its qualifier. */
        void add(int i, BigDecimal value, BigDecimal total, BigDecimal max, String unit, int end) {
            int q = phraseBefore(i, qualifiers, 2);
            int start = q > 0 ? tk.get(i - q).start() : tk.get(i).start();
            String qualifier = q > 0 ? text.substring(tk.get(i - q).start(), tk.get(i - 1).end()).toLowerCase(Locale.ROOT) : null;
            out.add(new CountMention(value, unit, total, max, qualifier, text.substring(start, end), start, end));
        }
    }
}
