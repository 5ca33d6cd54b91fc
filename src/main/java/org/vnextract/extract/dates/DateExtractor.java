package org.vnextract.extract.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vnextract.clean.Article;
import org.vnextract.extract.Mention;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.Analysis;
import org.vnextract.pipeline.Key;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.Stage;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.NumberParts;
import org.vnextract.text.Sentence;
import org.vnextract.text.Span;
import org.vnextract.text.Token;
import org.vnextract.text.TokenReader;
import org.vnextract.text.Tokenizer;

/**
 * Finds the dates (RECORD.md "Dates") and periods of an article: "ngày 28-6-2021", "28/6/2021",
 * "ngày 28 tháng 6 năm 2021", "Sáng 20-7", "tháng 5-2023", day ranges ("21- 22/4", "25-27/9",
 * "12 và 13/4", "từ 22 đến 24/5"; both days are dates), a second day after "và" ("ngày 5/3 và
 * 12/3"), and periods ("nhiệm kỳ 2020-2025", "quý I/2024", "6 tháng đầu năm 2022",
 * "năm 2023"). A day written without a year takes it from the publication date, else from the one
 * year written in its sentence, else stays {@code XXXX}.
 *
 * <p>The scan walks the text stage's tokens once, paragraph by paragraph, looking at most a fixed
 * number of tokens ahead or behind at each and never past the paragraph, so it is linear in the
 * text whatever the input. A number's groups and separators are read from its token ({@link
 * NumberParts}); a '%' or a symbol's letters after the digits ("100%", "03- CT/HU") end the number
 * as a punctuation mark would. The words it reacts to
 * are data under {@code models/dates/}.
 *
 * <p>Immutable; thread-safe.
 */
public final class DateExtractor implements Stage {
    private final Set<String> strongCues = new HashSet<>();
    private final Set<String> weakCues = new HashSet<>();
    private final Set<String> namedDayCues = new HashSet<>(); // "Ngày Thương binh Liệt sĩ (27-7)"
    private final Set<String> timeUnits = new HashSet<>(); // "từ 5-7 ngày": a number of days, not 5 July
    private final Set<String> notCues = new HashSet<>(); // "đến nay": ends in a cue word but names no day
    private final Set<String> periodKinds = new HashSet<>();
    private final Set<String> comparisons = new HashSet<>();
    private final Set<String> connectors = new HashSet<>();
    private final Set<String> periodEnds = new HashSet<>(); // "đến năm 2020": a period's end, not the sentence's year

    /** Words of a commemoration's name looked through before "(27-7)". */
    private static final int NAMED_DAY_WORDS = 10;

    /** Longest token read as two full dates joined by a dash ("12/12/2021-12/12/2022" is 21). */
    private static final int MAX_DATE_PAIR = 23;

    /** Days listed before the day-month whose month they share ("các ngày 26, 27, 28, 29/6/2024"), at most. */
    private static final int MAX_LISTED_DAYS = 10;

    public DateExtractor(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("dates/cues.tsv")) {
            String[] c = l.split("\t");
            String kind = c.length > 1 ? c[1].strip() : "strong";
            (switch (kind) {
                case "weak" -> weakCues;
                case "named" -> namedDayCues;
                case "unit" -> timeUnits;
                case "not" -> notCues;
                default -> strongCues;
            }).add(c[0].strip());
        }
        lower(models.lines("dates/period_kinds.txt"), periodKinds);
        lower(models.lines("dates/comparisons.txt"), comparisons);
        lower(models.lines("dates/range_connectors.txt"), connectors);
        lower(models.lines("dates/period_ends.txt"), periodEnds);
    }

    private static void lower(List<String> lines, Set<String> into) {
        for (String l : lines) {
            into.add(l.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public String name() {
        return "dates";
    }

    @Override
    public Set<Key<?>> requires() {
        return Set.of(AnalyzedText.KEY, Article.KEY);
    }

    @Override
    public Set<Key<?>> provides() {
        return Set.of(DateMention.KEY, Period.KEY);
    }

    @Override
    public Analysis process(Analysis in) {
        Found f = find(in.get(AnalyzedText.KEY), in.get(Article.KEY).published());
        return in.with(DateMention.KEY, f.dates()).with(Period.KEY, f.periods());
    }

    /**
     * What one article holds.
     *
     * @param dates   one entry per distinct value
     * @param periods one entry per distinct period
     */
    public record Found(List<DateMention> dates, List<Period> periods) {}

    /** The dates and periods of {@code t}; {@code published} (ISO date, date-time or month) may be null. */
    public Found find(AnalyzedText t, String published) {
        Validate.notNull(t, "t");
        Scan s = new Scan(t);
        s.run();
        LocalDate pub = parsePublished(published);
        Map<String, Set<Mention>> byValue = new LinkedHashMap<>();
        Map<String, String[]> firstText = new HashMap<>();
        for (Hit h : s.hits) {
            String value = resolve(h, pub, s);
            if (value == null) {
                continue;
            }
            byValue.computeIfAbsent(value, k -> new LinkedHashSet<>()).add(Mention.of(t.text(), h.start, h.end));
            firstText.putIfAbsent(value, new String[] {t.text().substring(h.coreStart, h.coreEnd), h.day == 0 ? "month" : "day"});
        }
        List<DateMention> dates = new ArrayList<>();
        byValue.forEach((v, ms) -> dates.add(new DateMention(v, firstText.get(v)[1], firstText.get(v)[0], List.copyOf(ms))));
        Map<String, PeriodHit> periods = new LinkedHashMap<>();
        Map<String, List<Mention>> periodMentions = new HashMap<>();
        for (PeriodHit p : s.periods) {
            String key = p.kind + "\u0000" + p.from + "\u0000" + p.to;
            periods.putIfAbsent(key, p);
            periodMentions.computeIfAbsent(key, k -> new ArrayList<>()).add(Mention.of(t.text(), p.start, p.end));
        }
        List<Period> out = new ArrayList<>();
        periods.forEach((k, p) -> out.add(new Period(t.text().substring(p.start, p.end), p.kind, p.from, p.to, periodMentions.get(k))));
        return new Found(List.copyOf(dates), List.copyOf(out));
    }

    /** The ISO value of a hit, its year inferred when not written; null for an impossible date. */
    private String resolve(Hit h, LocalDate pub, Scan s) {
        if (h.day == 0) {
            return yearMonth(h.year, h.month);
        }
        if (h.year != 0) {
            return valid(h.year, h.month, h.day) ? iso(h.year, h.month, h.day) : null;
        }
        if (!valid(2000, h.month, h.day)) { // not a day of any year
            return null;
        }
        if (pub != null) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int y = pub.getYear() - 1; y <= pub.getYear() + 1; y++) {
                if (valid(y, h.month, h.day)) {
                    long d = Math.abs(ChronoUnit.DAYS.between(pub, LocalDate.of(y, h.month, h.day)));
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = y;
                    }
                }
            }
            return best == 0 ? null : iso(best, h.month, h.day);
        }
        int year = s.sentenceYear(h.start);
        if (year > 0 && valid(year, h.month, h.day)) {
            return iso(year, h.month, h.day);
        }
        return "XXXX-" + two(h.month) + "-" + two(h.day);
    }

    private static String iso(int y, int m, int d) {
        return yearMonth(y, m) + "-" + two(d);
    }

    /** "2023-05" (years are 1800–2199 here, always four digits); String.format is too slow per hit. */
    static String yearMonth(int y, int m) {
        return y + "-" + two(m);
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    static boolean valid(int y, int m, int d) {
        try {
            LocalDate.of(y, m, d);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** "2015-09-25T20:20:00+07:00", "2023-11-05", "2025-04" (mid-month) or "2025" (mid-year); else null. */
    static LocalDate parsePublished(String p) {
        if (p == null || p.length() < 4) {
            return null;
        }
        try {
            int y = Integer.parseInt(p.substring(0, 4));
            if (p.length() >= 10 && p.charAt(4) == '-' && p.charAt(7) == '-') {
                return LocalDate.of(y, Integer.parseInt(p.substring(5, 7)), Integer.parseInt(p.substring(8, 10)));
            }
            if (p.length() >= 7 && p.charAt(4) == '-') {
                return LocalDate.of(y, Integer.parseInt(p.substring(5, 7)), 15);
            }
            return LocalDate.of(y, 7, 1);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** A date found: mention range (with its cue word), the date proper, and what was written. */
    private record Hit(int start, int end, int coreStart, int coreEnd, int year, int month, int day) {}

    private record PeriodHit(int start, int end, String kind, String from, String to) {}

    /** One pass over one article's tokens. Not thread-safe; made per article. */
    private final class Scan {
        final String text;
        final AnalyzedText t;
        final List<Token> tk;
        final TokenReader r; // one paragraph at a time: nothing is looked for across a line break
        final List<Hit> hits = new ArrayList<>();
        final List<PeriodHit> periods = new ArrayList<>();
        final BitSet rangeYears = new BitSet(); // token indexes of years inside year ranges
        final Map<Integer, Integer> sentenceYears = new HashMap<>(); // sentence start → its year, or 0

        final int headlineEnd; // end of the first line, or -1: found once, not per candidate (linear time)

        Scan(AnalyzedText t) {
            this.t = t;
            this.text = t.text();
            this.headlineEnd = text.indexOf('\n');
            this.tk = t.tokens();
            this.r = new TokenReader(t);
        }

        void run() {
            r.walk(i -> r.isNumber(i) ? atNumber(i) : r.isWord(i) ? atWord(i) : i + 1);
        }

        /** A dash follows number token {@code i}: after its digits inside the token ("55 -TB/TW") or as the next token. */
        boolean dashAfter(int i) {
            return r.punctAfter(i, '-') || r.punctAfter(i, '–') || r.punctAfter(i, '—');
        }

        boolean word(int i, String lower) {
            return r.isWord(i) && r.lower(i).equals(lower);
        }

        boolean dash(int i) {
            return r.punct(i, '-') || r.punct(i, '–') || r.punct(i, '—');
        }

        /** A number glued to letters or to a symbol ("QH13", "2074/QĐ", "12/2021/NQ-HĐND") is no date. */
        boolean glued(int i) {
            int b = tk.get(i).start() - 1;
            if (b >= 0) {
                char c = text.charAt(b);
                if (Tokenizer.isWordChar(c) || c == '/' || c == '-' && b - 1 >= 0 && Tokenizer.isWordChar(text.charAt(b - 1))) {
                    return true;
                }
            }
            int a = r.end(i);
            if (a < text.length()) {
                char c = text.charAt(a);
                if (Tokenizer.isWordChar(c)) {
                    return true;
                }
                if ((c == '/' || c == '-') && a + 1 < text.length() && Tokenizer.isWordChar(text.charAt(a + 1))) {
                    return true;
                }
            }
            return false;
        }

        /** The lower-case words ending just before token {@code i}, joined by spaces, up to {@code k} words. */
        String wordsBefore(int i, int k) {
            StringBuilder sb = new StringBuilder();
            int j = i - 1;
            int taken = 0;
            while (taken < k && r.isWord(j)) {
                sb.insert(0, taken == 0 ? r.lower(j) : r.lower(j) + " ");
                j--;
                taken++;
            }
            return sb.toString();
        }

        /** The index of the cue word before {@code i} (skipping "(" and ","), or -1. */
        int cueBefore(int i, Set<String> cues) {
            int j = i - 1;
            while (r.punct(j, '(') || r.punct(j, ',')) {
                j--;
            }
            if (!r.isWord(j)) {
                return -1;
            }
            if (cues.contains(r.lower(j))) {
                return j;
            }
            // a cue of two words ("thứ Hai (15/5)"): its first word is returned
            return r.isWord(j - 1) && cues.contains(r.lower(j - 1) + " " + r.lower(j)) ? j - 1 : -1;
        }

        /** True when the token after number {@code i} starts a counted noun (a word, not a verb-like cue). */
        boolean nounFollows(int i) {
            if (r.tail(i) || !r.isWord(i + 1)) {
                return false;
            }
            String w = r.lower(i + 1);
            if (timeUnits.contains(w)) {
                return true;
            }
            return !(strongCues.contains(w) || weakCues.contains(w) || w.equals("đã")
                    || w.equals("tại") || w.equals("vừa") || w.equals("và"));
        }

        // ---- words ------------------------------------------------------------------------

        int atWord(int i) {
            String w = r.lower(i);
            if (w.equals("tháng")) {
                return monthOfYear(i);
            }
            if (w.equals("quý")) {
                return quarter(i);
            }
            if (w.equals("năm")) {
                return yearPeriod(i);
            }
            return i + 1;
        }

        /** "tháng 5-2023", "tháng 02/2025", "tháng 10 năm 2020". */
        int monthOfYear(int i) {
            NumberParts p = r.parts(i + 1);
            if (p == null || glued(i + 1)) {
                return i + 1;
            }
            if (p.groups() == 2 && p.isMonth(0) && p.isYear(1) && p.separator(0) != ',') {
                hits.add(new Hit(tk.get(i).start(), r.end(i + 1), tk.get(i + 1).start(), r.end(i + 1),
                        (int) p.value(1), (int) p.value(0), 0));
                return i + 2;
            }
            if (p.groups() == 1 && p.isMonth(0) && !r.tail(i + 1) && word(i + 2, "năm")) {
                NumberParts y = r.parts(i + 3);
                if (y != null && y.groups() == 1 && y.isYear(0) && !glued(i + 3)) {
                    hits.add(new Hit(tk.get(i).start(), r.end(i + 3), tk.get(i).start(), r.end(i + 3),
                            (int) y.value(0), (int) p.value(0), 0));
                    return i + 4;
                }
            }
            return i + 1;
        }

        /** "quý I/2024", "quý 2 năm 2023". */
        int quarter(int i) {
            int quarter = 0;
            if (r.isWord(i + 1)) {
                quarter = switch (r.lower(i + 1)) {
                    case "i" -> 1;
                    case "ii" -> 2;
                    case "iii" -> 3;
                    case "iv" -> 4;
                    default -> 0;
                };
            } else if (r.isNumber(i + 1)) {
                NumberParts p = r.parts(i + 1);
                if (p != null && p.groups() == 2 && p.separator(0) == '/' && p.value(0) >= 1 && p.value(0) <= 4 && p.isYear(1)) {
                    addQuarter(i, i + 1, (int) p.value(1), (int) p.value(0));
                    return i + 2;
                }
                if (p != null && p.groups() == 1 && p.value(0) >= 1 && p.value(0) <= 4) {
                    quarter = (int) p.value(0);
                }
                if (quarter != 0 && r.tail(i + 1)) {
                    return i + 2; // "quý 2%": no year follows
                }
            }
            if (quarter == 0) {
                return i + 1;
            }
            int y = i + 2;
            if (r.punct(y, '/') || word(y, "năm")) {
                y++;
            } else {
                return i + 2;
            }
            NumberParts yp = r.parts(y);
            if (yp != null && yp.groups() == 1 && yp.isYear(0)) {
                addQuarter(i, y, (int) yp.value(0), quarter);
                return y + 1;
            }
            return i + 2;
        }

        void addQuarter(int from, int to, int year, int q) {
            periods.add(new PeriodHit(tk.get(from).start(), r.end(to), "quý",
                    yearMonth(year, q * 3 - 2), yearMonth(year, q * 3)));
        }

        /** "năm 2023" (a single year, not a range). */
        int yearPeriod(int i) {
            NumberParts p = r.parts(i + 1);
            if (p == null || p.groups() != 1 || !p.isYear(0) || glued(i + 1) || dashAfter(i + 1)) {
                return i + 1;
            }
            if (r.endsWithNumber(i - 1)) { // "6 tháng đầu năm 2022", "5 năm 2015" are read from the number
                return i + 1;
            }
            String y = Long.toString(p.value(0));
            periods.add(new PeriodHit(tk.get(i).start(), r.end(i + 1), "năm", y, y));
            return i + 2;
        }

        // ---- numbers ----------------------------------------------------------------------

        int atNumber(int i) {
            if (glued(i)) {
                return i + 1;
            }
            NumberParts p = r.parts(i);
            if (p == null) {
                return Math.max(i + 1, datePair(i)); // more groups than a number has: two dates?
            }
            int k;
            if ((k = yearRange(i, p)) > i) {
                return k;
            }
            if ((k = monthsOfYear(i, p)) > i) {
                return k;
            }
            if ((k = dayRange(i, p)) > i) {
                return k;
            }
            int cue = cueBefore(i, strongCues);
            if (cue >= 0 && (notCues.contains(wordsBefore(cue + 1, 2)) || notCues.contains(wordsBefore(cue + 1, 3)))) {
                cue = -1; // "Đến nay, 6/7 công trình": "so far", no day
            }
            boolean strong = cue >= 0;
            if (cue < 0) {
                cue = cueBefore(i, weakCues);
            }
            if (cue < 0 && afterDayAndConnector(i)) {
                // "ngày 5/3 và 12/3": the second day shares the first one's cue, read as a weak one
                // so that "5/3 và 12/3 đảng viên" (a counted noun after it) stays no date
                return date(i, p, false, true, i, true);
            }
            if (cue < 0 && namedDay(i)) {
                return date(i, p, true, true, i, true);
            }
            // the mention starts at the cue ("ngày 28-6-2021") unless a bracket or comma stands between
            int from = cue >= 0 && cue == i - 1 ? cue : i;
            return date(i, p, strong, cue >= 0, from, true);
        }

        /**
         * "Ngày Thương binh Liệt sĩ (27-7)", "Lễ Quốc khánh (2/9)": a day and month alone in brackets
         * after the name of a commemoration, which opens with a word of kind "named" of cues.tsv at
         * most {@link #NAMED_DAY_WORDS} words before, within the clause.
         */
        boolean namedDay(int i) {
            if (!r.punct(i - 1, '(') || r.tail(i) || !r.punct(i + 1, ')')) {
                return false;
            }
            for (int j = i - 2, n = 0; j >= 0 && n < NAMED_DAY_WORDS; j--, n++) {
                if (!r.isWord(j)) {
                    return false;
                }
                if (namedDayCues.contains(r.lower(j))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Token {@code i} follows a connector ("và") or a dash right after a day just found ("ngày 5/3 và
         * 12/3", "từ ngày 14/4 - 14/5").
         */
        boolean afterDayAndConnector(int i) {
            boolean joined = r.isWord(i - 1) && connectors.contains(r.lower(i - 1)) || dash(i - 1);
            if (!joined || !r.endsWithNumber(i - 2) || hits.isEmpty()) {
                return false;
            }
            Hit last = hits.get(hits.size() - 1);
            return last.day != 0 && last.coreEnd == tk.get(i - 2).end();
        }

        /**
         * A date starting at number {@code i}: "28-6-2021", "28 tháng 6 năm 2021", "08 Tháng 9 2021",
         * "20-7", "29/6", "20.6" (the last three only after a cue), "(3-1989)". Adds a hit and returns
         * the next token index, or {@code i} when there is no date here.
         */
        int date(int i, NumberParts p, boolean strongCue, boolean weakCue, int mentionFrom, boolean add) {
            Token x = tk.get(i);
            int xEnd = r.end(i);
            int from = tk.get(mentionFrom).start();
            if (p.groups() == 3 && p.isDay(0) && p.isMonth(1) && p.isYear(2) && p.separator(0) == p.separator(1)
                    && (p.separator(0) == '-' || p.separator(0) == '/' || p.separator(0) == '.')) {
                if (add) {
                    hits.add(new Hit(from, xEnd, x.start(), xEnd, (int) p.value(2), (int) p.value(1), (int) p.value(0)));
                }
                return i + 1;
            }
            if (p.groups() == 1 && p.isDay(0) && !r.tail(i) && word(i + 1, "tháng")) {
                NumberParts m = r.parts(i + 2);
                if (m == null || m.groups() != 1 || !m.isMonth(0) || glued(i + 2)) {
                    return i;
                }
                int end = i + 2;
                int year = 0;
                int y = !r.tail(i + 2) && word(i + 3, "năm") ? i + 4 : i + 3;
                NumberParts yp = r.tail(i + 2) ? null : r.parts(y);
                if (yp != null && yp.groups() == 1 && yp.isYear(0) && !glued(y)) {
                    year = (int) yp.value(0);
                    end = y;
                } else if (!strongCue) {
                    return i; // "5 tháng 6" without a year or a cue reads as a duration
                }
                if (add) {
                    hits.add(new Hit(from, r.end(end), x.start(), r.end(end), year, (int) m.value(0), (int) p.value(0)));
                }
                return end + 1;
            }
            if (p.groups() == 1 && p.isDay(0) && strongCue && !r.tail(i) && dash(i + 1) && !word(i - 2, "từ")) {
                // "Ngày 17 – 9, UBND tỉnh họp", "ngày 17 - 9 - 2021": day and month with a spaced dash; not a
                // range of days ("từ ngày 7 – 9"), nor a day-month range ("17 - 19/9", read by dayRange first)
                NumberParts m = r.parts(i + 2);
                if (m != null && m.groups() == 1 && m.isMonth(0) && !glued(i + 2) && !r.tail(i + 2)
                        && !r.punct(i + 3, '/') && !word(i + 3, "tháng") && !word(i + 3, "ngày") && !nounFollows(i + 2)) {
                    int end = i + 2;
                    int year = 0;
                    if (dash(i + 3)) {
                        NumberParts yp = r.parts(i + 4);
                        if (yp != null && yp.groups() == 1 && yp.isYear(0) && !glued(i + 4)) {
                            year = (int) yp.value(0);
                            end = i + 4;
                        }
                    }
                    if (add) {
                        hits.add(new Hit(from, r.end(end), x.start(), r.end(end), year, (int) m.value(0), (int) p.value(0)));
                    }
                    return end + 1;
                }
            }
            if (p.groups() == 2 && p.isMonth(0) && p.isYear(1) && p.separator(0) != ',' && p.separator(0) != ':'
                    && r.punct(i - 1, '(') && !r.tail(i) && r.punct(i + 1, ')')) {
                if (add) {
                    hits.add(new Hit(x.start(), xEnd, x.start(), xEnd, (int) p.value(1), (int) p.value(0), 0));
                }
                return i + 1;
            }
            if (p.groups() == 2 && p.isDay(0) && p.isMonth(1) && (p.separator(0) == '/' || p.separator(0) == '-')
                    && !r.tail(i) && r.punct(i + 1, p.separator(0)) && tk.get(i + 1).start() == xEnd) {
                // "01/11/ 2011": a space slipped in after the second separator; the year still belongs
                NumberParts yp = tk.size() > i + 2 && tk.get(i + 2).start() == tk.get(i + 1).end() + 1 ? r.parts(i + 2) : null;
                if (yp != null && yp.groups() == 1 && yp.isYear(0) && !r.tail(i + 2)) {
                    if (add) {
                        hits.add(new Hit(from, r.end(i + 2), x.start(), r.end(i + 2), (int) yp.value(0), (int) p.value(1),
                                (int) p.value(0)));
                    }
                    return i + 3;
                }
            }
            if (p.groups() == 2 && p.isDay(0) && p.isMonth(1)) {
                char sep = p.separator(0);
                boolean ok = switch (sep) {
                    case '.' -> strongCue;
                    case '-', '/' -> strongCue || weakCue && !nounFollows(i) || sep == '/' && headlineColon(i);
                    default -> false;
                };
                if (!ok || r.punctAfter(i, '%')) {
                    return i;
                }
                if (add) {
                    hits.add(new Hit(from, xEnd, x.start(), xEnd, 0, (int) p.value(1), (int) p.value(0)));
                }
                return i + 1;
            }
            return i;
        }

        /**
         * Two days of one month: "25-27/9" (one token), "21- 22/4", "12 và 13/4", "từ ngày 12 đến ngày 15
         * tháng 10 năm 2020". The first day takes the month and year of the second.
         */
        int dayRange(int i, NumberParts p) {
            Token x = tk.get(i);
            int xEnd = r.end(i);
            int cue = cueBefore(i, strongCues);
            if (cue < 0) {
                cue = cueBefore(i, weakCues);
            }
            // "các ngày 28/4, 13, 21 và 29/5": days listed after a day-month just found
            boolean listAfterDay = cue < 0 && r.punct(i - 1, ',') && afterDay(i - 2);
            if (cue < 0 && !listAfterDay) {
                return i;
            }
            int from = cue == i - 1 ? tk.get(cue).start() : x.start();
            if (p.groups() >= 4 && p.separator(1) == '-' && p.separator(0) == p.separator(2)
                    && (p.separator(0) == '/' || p.separator(0) == '.') && p.isDay(0) && p.isMonth(1)
                    && p.isDay(2) && p.isMonth(3) && p.value(1) < p.value(3) && !r.punctAfter(i, '%')
                    && (cueBefore(i, strongCues) >= 0 || !nounFollows(i))) {
                // "từ ngày 30/5-7/6", "30/5-7/6/2017": two day-months of one span, the year (if any) at the end
                int year = 0;
                if (p.groups() == 5) {
                    if (!p.isYear(4) || p.separator(3) != p.separator(0)) {
                        return i;
                    }
                    year = (int) p.value(4);
                }
                int mid = x.start() + p.length(0) + 1 + p.length(1);
                hits.add(new Hit(from, mid, x.start(), mid, year, (int) p.value(1), (int) p.value(0)));
                hits.add(new Hit(mid + 1, xEnd, mid + 1, xEnd, year, (int) p.value(3), (int) p.value(2)));
                return i + 1;
            }
            if (p.groups() >= 3 && p.groups() <= 4 && p.separator(0) == '-' && p.separator(1) != '-' && p.isDay(0) && p.isDay(1)
                    && p.isMonth(2) && p.value(0) < p.value(1)) {
                int year = 0;
                if (p.groups() == 4) {
                    if (!p.isYear(3) || p.separator(2) != p.separator(1)) {
                        return i;
                    }
                    year = (int) p.value(3);
                }
                int mid = x.start() + p.length(0) + 1;
                hits.add(new Hit(from, mid - 1, x.start(), mid - 1, year, (int) p.value(2), (int) p.value(0)));
                hits.add(new Hit(mid, xEnd, mid, xEnd, year, (int) p.value(2), (int) p.value(1)));
                return i + 1;
            }
            if (p.groups() != 1 || !p.isDay(0) || r.tail(i)) {
                return i;
            }
            // "ngày 12 và 13/4" reads the last day as after "ngày"; after another cue ("từ 22 đến
            // 24/5") as after a weak one, so "từ 2 đến 3/4 số xã" (a counted noun follows) is no range.
            // Days listed before it share its month and year: "các ngày 26, 27, 28, 29/6/2024",
            // "Chiều ngày 21 và sáng ngày 22 tháng 12 năm 2022"; each day is later than the one before.
            boolean strongRange = word(cue, "ngày") || listAfterDay;
            int[] days = new int[MAX_LISTED_DAYS];
            int count = 0;
            days[count++] = i;
            int j = i + 1;
            while (true) {
                if (dash(j) || r.punct(j, ',')) {
                    j++;
                } else if (r.isWord(j) && connectors.contains(r.lower(j))) {
                    j++;
                } else {
                    return i;
                }
                // "và sáng ngày 22": a time of day and "ngày" may open the next day
                for (int w = 0; w < 2 && r.isWord(j) && strongCues.contains(r.lower(j)); w++) {
                    j++;
                }
                NumberParts next = r.parts(j);
                if (next == null || glued(j)) {
                    return i;
                }
                if (next.groups() == 1 && next.isDay(0) && !r.tail(j) && next.value(0) > r.parts(days[count - 1]).value(0)
                        && (r.punct(j + 1, ',') || dash(j + 1) || r.isWord(j + 1) && connectors.contains(r.lower(j + 1)))) {
                    if (count == MAX_LISTED_DAYS) {
                        return i;
                    }
                    days[count++] = j++; // a further day of the list
                    continue;
                }
                break;
            }
            int before = hits.size();
            int end = date(j, r.parts(j), strongRange, true, j, true);
            if (end <= j || hits.size() != before + 1) {
                return i;
            }
            Hit h = hits.get(before);
            if (h.day == 0 || h.day <= r.parts(days[count - 1]).value(0)) {
                hits.remove(before);
                return i;
            }
            for (int d = count - 1; d >= 0; d--) {
                Token dt = tk.get(days[d]);
                int dayFrom = d == 0 ? from : dt.start();
                hits.add(before, new Hit(dayFrom, r.end(days[d]), dt.start(), r.end(days[d]), h.year, h.month,
                        (int) r.parts(days[d]).value(0)));
            }
            return end;
        }

        /**
         * "(12/8/1991-12/8/2021)", "9.2.1907-9.2.2017": two full dates joined by a dash with no space,
         * kept whole by the tokenizer (an anniversary's span); both are dates. Both halves must be
         * full dates, so a symbol or a longer number run is not read; the token is at most
         * {@link #MAX_DATE_PAIR} characters, so the split costs O(1).
         */
        int datePair(int i) {
            int s = tk.get(i).start();
            int e = r.end(i);
            if (e - s > MAX_DATE_PAIR || e < tk.get(i).end()) {
                return i;
            }
            for (int k = s + 5; k < e - 5; k++) {
                char c = text.charAt(k);
                if (c != '-' && c != '–') {
                    continue;
                }
                NumberParts a = NumberParts.of(text, s, k);
                NumberParts b = NumberParts.of(text, k + 1, e);
                if (fullDate(a) && fullDate(b) && a.separator(0) == b.separator(0) && valid((int) a.value(2),
                        (int) a.value(1), (int) a.value(0)) && valid((int) b.value(2), (int) b.value(1), (int) b.value(0))) {
                    hits.add(new Hit(s, k, s, k, (int) a.value(2), (int) a.value(1), (int) a.value(0)));
                    hits.add(new Hit(k + 1, e, k + 1, e, (int) b.value(2), (int) b.value(1), (int) b.value(0)));
                    return i + 1;
                }
            }
            return i;
        }

        /** A day was just found ending with token {@code k}. */
        boolean afterDay(int k) {
            if (k < 0 || hits.isEmpty()) {
                return false;
            }
            Hit last = hits.get(hits.size() - 1);
            return last.day != 0 && last.coreEnd == r.end(k);
        }

        /** "nhiệm kỳ 2020-2025", "giai đoạn 2016 - 2020", "5 năm 2015-2020". */
        int yearRange(int i, NumberParts p) {
            int y1;
            int y2;
            int last;
            if (p.groups() == 2 && p.separator(0) == '-' && p.isYear(0) && p.isYear(1)) {
                y1 = (int) p.value(0);
                y2 = (int) p.value(1);
                last = i;
            } else if (p.groups() == 1 && p.isYear(0) && !r.tail(i) && dash(i + 1)) {
                NumberParts q = r.parts(i + 2);
                if (q == null || q.groups() != 1 || !q.isYear(0) || glued(i + 2)) {
                    return i;
                }
                y1 = (int) p.value(0);
                y2 = (int) q.value(0);
                last = i + 2;
            } else {
                return i;
            }
            if (y2 <= y1 || y2 - y1 > 100) {
                return i;
            }
            rangeYears.set(i);
            rangeYears.set(last);
            String kind = null;
            int first = i;
            for (int k = 3; k >= 1; k--) {
                String before = wordsBefore(i, k);
                if (!before.isEmpty() && periodKinds.contains(before) && before.split(" ").length == k) {
                    kind = before;
                    first = i - k;
                    break;
                }
            }
            if ("năm".equals(kind) && r.endsWithNumber(i - 2)) { // "5 năm 2015-2020"
                first = i - 2;
            }
            periods.add(new PeriodHit(tk.get(first).start(), r.end(last), kind, Integer.toString(y1), Integer.toString(y2)));
            return last + 1;
        }

        /** "6 tháng đầu năm 2022", "9 tháng năm 2023", "6 tháng cuối năm 2021". */
        int monthsOfYear(int i, NumberParts p) {
            if (p.groups() != 1 || p.value(0) < 1 || p.value(0) > 12 || r.tail(i) || !word(i + 1, "tháng")) {
                return i;
            }
            int j = i + 2;
            boolean last = false;
            if (word(j, "đầu")) {
                j++;
            } else if (word(j, "cuối")) {
                last = true;
                j++;
            }
            if (!word(j, "năm")) {
                return i;
            }
            NumberParts y = r.parts(j + 1);
            if (y == null || y.groups() != 1 || !y.isYear(0) || glued(j + 1)) {
                return i;
            }
            int months = (int) p.value(0);
            int year = (int) y.value(0);
            String from = yearMonth(year, last ? 13 - months : 1);
            String to = yearMonth(year, last ? 12 : months);
            periods.add(new PeriodHit(tk.get(i).start(), r.end(j + 1),
                    text.substring(tk.get(i).start(), tk.get(j).end()).toLowerCase(Locale.ROOT), from, to));
            return j + 2;
        }

        // ---- year of the sentence -----------------------------------------------------------

        /**
         * The one year written in the sentence around {@code charIndex} (bare, or in a full date or a
         * month), outside year ranges, date ranges and comparisons; 0 when there is none or more than one.
         */
        int sentenceYear(int charIndex) {
            Sentence s = t.sentenceAt(charIndex);
            if (s == null) {
                return 0;
            }
            // each sentence is read once, however many dates it holds
            return sentenceYears.computeIfAbsent(s.start(), k -> readSentenceYear(s));
        }

        int readSentenceYear(Sentence s) {
            Span paragraph = t.paragraphAt(s.start());
            if (paragraph == null) {
                return 0;
            }
            r.enter(paragraph);
            int year = 0;
            for (int i = s.firstToken(); i < s.endToken(); i++) {
                if (!r.isNumber(i) || rangeYears.get(i) || glued(i)) {
                    continue;
                }
                NumberParts p = r.parts(i);
                if (p == null || comparison(i) || periodEnd(i)) {
                    continue;
                }
                int y;
                if (p.groups() == 1 && p.isYear(0)) {
                    y = (int) p.value(0);                        // "năm 2022"
                } else if (fullDate(p) && !fullDate(r.parts(i - 2)) && !fullDate(r.parts(i + 2))) {
                    y = (int) p.value(2);                        // "ngày 28-6-2021", not "(1941 - 2011)" ranges
                } else if (p.groups() == 2 && p.isMonth(0) && p.isYear(1) && word(i - 1, "tháng")) {
                    y = (int) p.value(1);                        // "tháng 5-2023"
                } else {
                    continue;
                }
                if (year != 0 && year != y) {
                    return 0;
                }
                year = y;
            }
            return year;
        }

        /** "28-6-2021": day, month and year with one separator. */
        boolean fullDate(NumberParts p) {
            return p != null && p.groups() == 3 && p.isDay(0) && p.isMonth(1) && p.isYear(2)
                    && p.separator(0) == p.separator(1) && p.separator(0) != ',' && p.separator(0) != ':';
        }

        /**
         * A day-month beside a colon in the headline, the text's first line ("Sabeco: 16/2 tổ chức
         * ĐHCĐ", "Điểm tin 6/2: ..."): headlines date their news so, with no cue word. Only the first
         * line of a text with more lines, and only next to the colon: a bare "2/10" elsewhere is a
         * ratio or a score.
         */
        boolean headlineColon(int i) {
            return headlineEnd > 0 && r.end(i) <= headlineEnd && (r.punct(i - 1, ':') || r.punctAfter(i, ':'));
        }

        /** The words just before token {@code i} (up to three) are a period_ends.txt phrase ("đến năm"). */
        boolean periodEnd(int i) {
            for (int w = 1; w <= 3 && r.isWord(i - w); w++) {
                if (periodEnds.contains(wordsBefore(i, w))) {
                    return true;
                }
            }
            return false;
        }

        boolean comparison(int i) {
            for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
                if (!r.isWord(j)) {
                    return false;
                }
                if (comparisons.contains(r.lower(j))) {
                    return true;
                }
            }
            return false;
        }
    }
}
