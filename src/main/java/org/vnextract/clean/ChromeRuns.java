package org.vnextract.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * Page chrome glued to a line of body text (issue 15): a run of other articles' headlines that a
 * scraper ran into the article's first or last sentence without a line break ("… Thể thao Việt Nam |
 * 14:45 06/02/2017 Tin liên quan Đạp chân Vardy, Mata may mắn thoát thẻ đỏ Điểm tin sáng 06/02: …",
 * "TIN LIÊN QUAN Clip cô giáo … nổi tiếng ... Buộc thôi việc … ... Liên quan đến vụ việc …",
 * "&gt;&gt; 76 học sinh … 2016-2017 &nbsp; &gt;&gt; Đầu Xuân … quốc gia &nbsp;Sự miệt mài …").
 * The labels, markers and cues are the data of {@code models/boilerplate/runs.tsv}; the signal
 * that the run is headlines and not article text is that it holds no sentence end.
 *
 * <ul>
 *   <li>At the end of a line: from the first label or marker after the line's last sentence end to
 *       the end of the line; a marker must open a headline of at least {@value #MIN_HEADLINE}
 *       characters; a label followed by nothing but a byline is cut alone, the byline stays.</li>
 *   <li>At the end of a line, a teaser: the sentence before a cue ("Bấm xem &gt;&gt;") and the cue;
 *       a short byline after the cue stays.</li>
 *   <li>At the start of a line that opens with a label or marker: up to the last place before the
 *       line's first sentence end where a headline visibly ends (a truncation mark " ... " or a run of
 *       spaces), after the last marker; where no headline end is visible nothing is cut.</li>
 * </ul>
 * A line always keeps at least {@value #MIN_KEPT} characters and a run is at most {@value #MAX_RUN}
 * characters, so a one-line body is never emptied and a long passage is never taken for a list.
 * Every scan is linear in the line.
 *
 * <p>Immutable; thread-safe.
 */
public final class ChromeRuns {
    public static final String FILE = "boilerplate/runs.tsv";
    private static final List<String> KINDS = List.of("label", "marker", "truncated", "teaser");
    /** Longest run cut. */
    static final int MAX_RUN = 1000;
    /** Characters a line keeps at the least. */
    static final int MIN_KEPT = 60;
    /** Shortest headline after a marker at the end of a line ("&gt;&gt; Q.D" is a byline). */
    static final int MIN_HEADLINE = 15;
    /**
     * Longest teaser cut before a teaser cue: a headline and one sentence (132-166 characters in
     * baomoi); a longer stretch since the last sentence end holds the article's own captions or
     * tables too, and then nothing is cut.
     */
    static final int MAX_TEASER = 170;
    /** Longest byline kept after a teaser cue. */
    static final int MAX_BYLINE = 60;

    /** Where a run stood in its line. */
    public enum Where { START, END }

    /** One run cut: where, how many characters (white space collapsed), and its first words. */
    public record Dropped(Where where, int chars, String excerpt) {}

    /** What is left of a line (as written, white space not yet collapsed) and the runs cut from it. */
    public record Result(String text, List<Dropped> dropped) {}

    private final List<String> labels;
    private final List<String> markers;
    private final List<String> truncations;
    private final List<String> teasers;

    private ChromeRuns(List<String> labels, List<String> markers, List<String> truncations, List<String> teasers) {
        this.labels = List.copyOf(labels);
        this.markers = List.copyOf(markers);
        this.truncations = List.copyOf(truncations);
        this.teasers = List.copyOf(teasers);
    }

    public static ChromeRuns load(ModelSource models) {
        Validate.notNull(models, "models");
        Map<String, List<String>> byKind = new HashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, new ArrayList<>());
        }
        int row = 0;
        for (String line : models.lines(FILE)) {
            row++;
            String[] cols = line.split("\t");
            if (cols.length < 2 || cols[1].isBlank()) {
                throw new PipelineException(FILE + ": row " + row + " needs 'kind<TAB>phrase': " + line);
            }
            List<String> phrases = byKind.get(cols[0].strip().toLowerCase(Locale.ROOT));
            if (phrases == null) {
                throw new PipelineException(FILE + ": row " + row + " has unknown kind '" + cols[0] + "'");
            }
            phrases.add(cols[1].strip());
        }
        byKind.get("label").sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first
        return new ChromeRuns(byKind.get("label"), byKind.get("marker"), byKind.get("truncated"), byKind.get("teaser"));
    }

    /** The line without the runs of other articles' headlines at its start and end. */
    public Result cut(String line) {
        Validate.notNull(line, "line");
        List<Dropped> dropped = new ArrayList<>(2);
        String s = line;
        int head = headEnd(s);
        if (head > 0) {
            dropped.add(dropped(Where.START, s.substring(0, head)));
            s = s.substring(head);
        }
        int[] tail = teaser(s);
        if (tail == null) {
            tail = tail(s);
        }
        if (tail != null) {
            dropped.add(dropped(Where.END, s.substring(tail[0], tail[1])));
            s = s.substring(0, tail[0]) + (tail[1] < s.length() ? " " + s.substring(tail[1]) : "");
        }
        return new Result(dropped.isEmpty() ? line : s, List.copyOf(dropped));
    }

    /** "212 characters at the end of line 1 ("Tin liên quan Đạp chân …")": one run, for a warning. */
    public static String note(Dropped d, String unit, int number) {
        return d.chars() + " characters at the " + (d.where() == Where.START ? "start" : "end") + " of " + unit + " "
                + number + " (\"" + d.excerpt() + "\")";
    }

    /** The article's one warning for the runs cut from it, or null when none was. */
    public static String warning(List<String> notes) {
        return notes.isEmpty() ? null : "page chrome cut, other articles' headlines: " + String.join("; ", notes);
    }

    private static Dropped dropped(Where where, String run) {
        String r = TextCleaner.normalizeLine(run);
        String excerpt = r.length() > 60 ? r.substring(0, 60).strip() + "…" : r;
        return new Dropped(where, r.codePointCount(0, r.length()), excerpt);
    }

    // ---- the end of a line

    /**
     * {start, end} of the run at the end of the line, or null. The run goes to the line's end, but
     * for a label followed by nothing but a byline ("&gt;&gt;&gt; Xem thêm: Việt Hòa"): the label alone.
     */
    private int[] tail(String s) {
        int n = s.length();
        for (int i = lastSentenceEnd(s); i < n; i++) {
            if (i > 0 && !space(s.charAt(i - 1)) || n - i > MAX_RUN) {
                continue;
            }
            int m = markerEnd(s, i);
            if (m > 0 && afterTeaserCue(s, i, m)) {
                continue; // "Bấm xem >> Nhật Quang (Tổng hợp)": a byline after a cue, no headline
            }
            // a label, maybe after a marker ("=> XEM THÊM:", ">>> Xem thêm:")
            int[] labelled = labelledRun(s, i, m > 0 ? skipSpaces(s, m) : i);
            if (labelled != null) {
                return keeps(s, i) ? labelled : null;
            }
            if (m > 0) {
                int h = skipSpaces(s, m);
                if (h < n && headlineStart(s, h) && nextMarkerOrEnd(s, h) - h >= MIN_HEADLINE) {
                    return keeps(s, i) ? new int[] {i, n} : null;
                }
            }
        }
        return null;
    }

    /** {from, end} of a label at {@code at} and the headlines after it to the line's end, or null. */
    private int[] labelledRun(String s, int from, int at) {
        int l = labelEnd(s, at);
        if (l < 0) {
            return null;
        }
        int n = s.length();
        int h = skipSpaces(s, l);
        if (h < n && n - h <= MAX_BYLINE && TextCleaner.isByline(s.substring(h).strip())) {
            return new int[] {from, h};
        }
        return h == n || headlineStart(s, h) || markerEnd(s, h) > 0 ? new int[] {from, n} : null;
    }

    /** Whether the marker at {@code start} ends a teaser cue ("Bấm xem &gt;&gt;&gt;"). */
    private boolean afterTeaserCue(String s, int start, int end) {
        for (String cue : teasers) {
            for (int e = start + 1; e <= end; e++) {
                if (e >= cue.length() && s.startsWith(cue, e - cue.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean keeps(String s, int cut) {
        return s.substring(0, cut).strip().length() >= MIN_KEPT;
    }

    private int nextMarkerOrEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (space(s.charAt(i - 1)) && markerEnd(s, i) > 0) {
                return i;
            }
        }
        return s.length();
    }

    /** {start, end} of a teaser sentence and its cue at the end of the line, or null. */
    private int[] teaser(String s) {
        for (String cue : teasers) {
            int c = s.lastIndexOf(cue);
            if (c < 2) {
                continue;
            }
            int cueEnd = c + cue.length();
            String byline = s.substring(cueEnd).strip();
            if (byline.length() > MAX_BYLINE || lastSentenceEnd(byline) > 0) {
                continue;
            }
            // the teaser: back from its own sentence end, right before the cue, to the end of the
            // sentence before it
            int stop = c - 1;
            while (stop > 0 && space(s.charAt(stop))) {
                stop--;
            }
            char t = s.charAt(stop);
            if (".?!…".indexOf(t) < 0 && !closer(t)) {
                continue; // the teaser ends its sentence right before the cue ("… QG. Bấm xem >>")
            }
            int start = -1;
            for (int i = stop - 1; i >= Math.max(1, stop - MAX_TEASER); i--) {
                if (space(s.charAt(i)) && terminalBefore(s, i)) {
                    start = i;
                    break;
                }
            }
            if (start < 0 || s.substring(0, start).strip().length() < MIN_KEPT) {
                continue;
            }
            return new int[] {start, cueEnd};
        }
        return null;
    }

    /** Whether the characters before white space at {@code i} end a sentence ("tốt.", "tốt.”", "sao?"). */
    private static boolean terminalBefore(String s, int i) {
        int k = i - 1;
        while (k > 0 && closer(s.charAt(k))) {
            k--;
        }
        char c = s.charAt(k);
        return c == '?' || c == '!' || c == '…' || c == '.' && fullStop(s, k);
    }

    // ---- the start of a line

    /** Where the run at the start of the line ends (the body's first character), or 0. */
    private int headEnd(String s) {
        int n = s.length();
        int i = skipSpaces(s, 0);
        int m = markerEnd(s, i);
        int l = labelEnd(s, m > 0 ? skipSpaces(s, m) : i);
        if (m < 0 && l < 0) {
            return 0;
        }
        int content = skipSpaces(s, l > 0 ? l : m);
        if (content >= n || !headlineStart(s, content)) {
            return 0;
        }
        int limit = Math.min(firstSentenceEnd(s, content), Math.min(n, content + MAX_RUN));
        int lastMarker = i;
        int boundary = -1;
        for (int k = content; k < limit; k++) {
            char c = s.charAt(k);
            if (k > 0 && space(s.charAt(k - 1)) && markerEnd(s, k) > 0) {
                lastMarker = k;
                boundary = -1; // the headline this marker opens has not ended yet
                continue;
            }
            if (space(c) && k + 1 < n && space(s.charAt(k + 1))) {
                int next = skipSpaces(s, k);
                if (previousVisible(s, k) != ':' && next < limit) {
                    boundary = next;
                }
                k = next - 1;
                continue;
            }
            if (space(c)) {
                for (String t : truncations) {
                    int e = k + 1 + t.length();
                    if (s.startsWith(t, k + 1) && e < n && space(s.charAt(e))) {
                        boundary = skipSpaces(s, e);
                        k = e - 1;
                        break;
                    }
                }
            }
        }
        if (boundary <= lastMarker || boundary >= n) {
            return 0;
        }
        if (s.length() - boundary < MIN_KEPT || !headlineStart(s, boundary) || boundary - i > MAX_RUN) {
            return 0;
        }
        return boundary;
    }

    private static char previousVisible(String s, int k) {
        int j = k - 1;
        while (j >= 0 && space(s.charAt(j))) {
            j--;
        }
        return j >= 0 ? s.charAt(j) : ' ';
    }

    // ---- pieces

    /** The end of a marker (with the '>' and '=' written against it) at {@code i}, or -1. */
    private int markerEnd(String s, int i) {
        for (String m : markers) {
            if (s.startsWith(m, i)) {
                int e = i + m.length();
                while (e < s.length() && (s.charAt(e) == '>' || s.charAt(e) == '=')) {
                    e++;
                }
                return e;
            }
        }
        return -1;
    }

    /** The end of a label (and its colon) at {@code i}, written with a capital first, or -1. */
    private int labelEnd(String s, int i) {
        if (i < 0 || i >= s.length() || !Character.isUpperCase(s.charAt(i))) {
            return -1;
        }
        for (String l : labels) {
            int e = i + l.length();
            if (s.regionMatches(true, i, l, 0, l.length()) && (e == s.length() || !Character.isLetterOrDigit(s.charAt(e)))) {
                int c = skipSpaces(s, e);
                return c < s.length() && s.charAt(c) == ':' ? c + 1 : e;
            }
        }
        return -1;
    }

    /** A headline starts with a capital, a digit or a quote. */
    private static boolean headlineStart(String s, int i) {
        int cp = s.codePointAt(i);
        return Character.isUpperCase(cp) || Character.isDigit(cp) || "\"“‘'«(".indexOf(cp) >= 0;
    }

    /** Index just after the last sentence end of the line, 0 when it has none. */
    static int lastSentenceEnd(String s) {
        for (int k = s.length() - 1; k >= 0; k--) {
            if (s.charAt(k) == '.' && fullStop(s, k)) {
                return k + 1;
            }
        }
        return 0;
    }

    /** Index of the first sentence end at or after {@code from}, the line's length when none. */
    static int firstSentenceEnd(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            if (s.charAt(k) == '.' && fullStop(s, k)) {
                return k;
            }
        }
        return s.length();
    }

    /**
     * Whether the '.' at {@code k} ends a sentence: white space or the line's end follows (after closing
     * quotes), it is not part of "..", and the word before it is not an abbreviation of at most three
     * capitals ("TP.", "Q.", "TS.").
     */
    static boolean fullStop(String s, int k) {
        int n = s.length();
        if (k + 1 < n && s.charAt(k + 1) == '.' || k > 0 && s.charAt(k - 1) == '.') {
            return false;
        }
        int a = k + 1;
        while (a < n && closer(s.charAt(a))) {
            a++;
        }
        if (a < n && !space(s.charAt(a))) {
            return false;
        }
        int w = k;
        while (w > 0 && Character.isLetter(s.charAt(w - 1)) && k - w < 4) {
            w--;
        }
        boolean wordStart = w == 0 || !Character.isLetter(s.charAt(w - 1));
        if (wordStart && k - w >= 1 && k - w <= 3) {
            for (int j = w; j < k; j++) {
                if (!Character.isUpperCase(s.charAt(j))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean closer(char c) {
        return c == '"' || c == '”' || c == '’' || c == '\'' || c == '»' || c == ')';
    }

    static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && space(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
