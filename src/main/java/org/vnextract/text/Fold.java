package org.vnextract.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The folding under which two strings count as the same (RECORD.md "Text"): NFC, the eth lookalike
 * read as Đ, lower case, runs of white space as one space, surrounding punctuation dropped, and the
 * tone mark of each word moved to its end so that its placement does not matter (hòa = hoà,
 * thủy = thuỷ). This is exactly {@code fold()} of {@code ../shared/tools/score.py}.
 *
 * <p>Folding runs on every token of every article, so the common case does not normalise: each char
 * of Latin, Latin Extended, Latin Extended Additional (Vietnamese) and general punctuation is
 * looked up in a table of its folded base and tone, built once from the definition itself
 * ({@link #slowFoldWord}); a string with any other char (combining marks, Greek, CJK …) takes the
 * definition. {@code FoldTest} holds the two equal on the corpus and on random strings.
 *
 * <p>Stateless (the tables are filled in the static initialiser and never written again); thread-safe.
 */
public final class Fold {
    private static final String STRIP = " \t\r\n.,;:!?\"'“”‘’()[]-–—|";

    private Fold() {}

    /** Chars below this may be tabled. */
    private static final int LIMIT = 0x2070;
    /** Whether {@code c} folds by table: its NFC is itself and it folds to one base char and at most one tone. */
    private static final boolean[] TABLED = new boolean[LIMIT];
    private static final char[] BASE = new char[LIMIT];
    /** The tone mark {@code c} carries, 0 for none. */
    private static final char[] TONE = new char[LIMIT];
    /** White space as {@link #slowFold} sees it (Java white space and the no-break space). */
    private static final boolean[] SPACE = new boolean[LIMIT];
    /** White space or a char stripped from the ends. */
    private static final boolean[] EDGE = new boolean[LIMIT];

    static {
        for (int c = 0; c < LIMIT; c++) {
            char ch = (char) c;
            SPACE[c] = Character.isWhitespace(ch) || ch == '\u00A0';
            EDGE[c] = SPACE[c] || STRIP.indexOf(ch) >= 0;
            boolean latin = c < 0x0300 || (c >= 0x1E00 && c < 0x1F00) || c >= 0x2000;
            if (!latin || Character.isSurrogate(ch) || !Normalizer.isNormalized(String.valueOf(ch), Normalizer.Form.NFC)) {
                continue;
            }
            if (SPACE[c]) {
                TABLED[c] = true;
                continue;
            }
            String f = slowFoldWord(String.valueOf(ch).replace('\u00D0', 'Đ').replace('\u00F0', 'đ'));
            if (f.length() == 1 || (f.length() == 2 && isTone(f.charAt(1)) && !isTone(f.charAt(0)))) {
                TABLED[c] = true;
                BASE[c] = f.charAt(0);
                TONE[c] = f.length() == 2 ? f.charAt(1) : 0;
            }
        }
    }

    /**
     * The key a name is matched by where spelling varies most (place names across sources, as the
     * scorer compares them): no case, no diacritics ("đ" → "d"), no spaces or punctuation, so "Thừa
     * Thiên - Huế" = "thuathienhue"; null for null. Not for text a user reads.
     */
    public static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String d = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == 'đ' || c == 'Đ' || c == '\u00D0' || c == '\u00F0') {
                out.append('d');
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= LIMIT || !TABLED[c]) {
                return slowFold(s);
            }
        }
        int a = 0;
        int b = n;
        while (a < b && EDGE[s.charAt(a)]) {
            a++;
        }
        while (b > a && EDGE[s.charAt(b - 1)]) {
            b--;
        }
        if (a == b) {
            return "";
        }
        char[] out = new char[2 * (b - a)];
        int o = 0;
        char[] tones = new char[b - a];
        int t = 0;
        boolean inSpace = false;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (SPACE[c]) {
                inSpace = true;
                continue;
            }
            if (inSpace) {
                for (int k = 0; k < t; k++) {
                    out[o++] = tones[k];
                }
                t = 0;
                out[o++] = ' ';
                inSpace = false;
            }
            out[o++] = BASE[c];
            if (TONE[c] != 0) {
                tones[t++] = TONE[c];
            }
        }
        for (int k = 0; k < t; k++) {
            out[o++] = tones[k];
        }
        return new String(out, 0, o);
    }

    /**
     * Folds one word, {@code s[from, to)}, into {@code out} without allocating: the chars written are
     * those of {@code fold(s.subSequence(from, to).toString())}. Returns their number, or -1 when the
     * word needs {@link #fold(String)} (a char outside the tables, white space inside, or {@code out}
     * shorter than twice the word).
     */
    public static int foldWord(CharSequence s, int from, int to, char[] out) {
        if (to - from > out.length / 2) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= LIMIT || !TABLED[c]) {
                return -1;
            }
        }
        int a = from;
        int b = to;
        while (a < b && EDGE[s.charAt(a)]) {
            a++;
        }
        while (b > a && EDGE[s.charAt(b - 1)]) {
            b--;
        }
        int o = 0;
        int tones = 0;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (SPACE[c]) {
                return -1;
            }
            out[o++] = BASE[c];
            if (TONE[c] != 0) {
                tones++;
            }
        }
        if (tones > 0) {
            for (int i = a; i < b; i++) {
                char t = TONE[s.charAt(i)];
                if (t != 0) {
                    out[o++] = t;
                }
            }
        }
        return o;
    }

    /**
     * The first char of the fold of a word {@code s[from, to)}, read from its first two chars without
     * folding: the first char's base, lower case ("Ấp" → 'â'). 0 when the tables cannot tell (a char
     * outside them, a combining mark after the first char, a first char that folding strips).
     */
    public static char foldedFirst(CharSequence s, int from, int to) {
        if (from >= to) {
            return 0;
        }
        char c = s.charAt(from);
        if (c >= LIMIT || !TABLED[c] || EDGE[c]) {
            return 0;
        }
        if (to - from > 1) {
            char d = s.charAt(from + 1);
            if (d >= LIMIT || !TABLED[d]) {
                return 0;
            }
        }
        return BASE[c];
    }

    /** The definition, as score.py has it; {@link #fold} gives the same for every string. */
    static String slowFold(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).replace('\u00D0', 'Đ').replace('\u00F0', 'đ');
        StringBuilder ws = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = true;
                continue;
            }
            if (space && ws.length() > 0) {
                ws.append(' ');
            }
            space = false;
            ws.append(c);
        }
        // Python's str.strip(chars) from both ends (the leading space was never added)
        int a = 0;
        int b = ws.length();
        while (a < b && STRIP.indexOf(ws.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && STRIP.indexOf(ws.charAt(b - 1)) >= 0) {
            b--;
        }
        String core = ws.substring(a, b);
        if (core.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(core.length() + 4);
        int start = 0;
        for (int i = 0; i <= core.length(); i++) {
            if (i == core.length() || core.charAt(i) == ' ') {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(slowFoldWord(core.substring(start, i)));
                start = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * The char {@code c} folds to inside a word, without its tone ({@link #fold} appends the tones
     * after the word's base chars), or 0 when the tables cannot tell, and for white space and the
     * chars folding strips at a word's ends.
     */
    public static char foldedBase(char c) {
        return c < LIMIT ? WORD_BASE[c] : 0;
    }

    /**
     * The tone mark {@link #fold} appends after the word for {@code c} (0 for none); meaningful only
     * for a char whose {@link #foldedBase} is not 0.
     */
    public static char foldedTone(char c) {
        return c < LIMIT ? TONE[c] : 0;
    }

    /** {@link #foldedBase} of each char below {@link #LIMIT}, one read instead of three. */
    private static final char[] WORD_BASE = new char[LIMIT];

    static {
        for (int c = 0; c < LIMIT; c++) {
            WORD_BASE[c] = TABLED[c] && !EDGE[c] ? BASE[c] : 0;
        }
    }

    /** Whether {@code c} is one of the tone marks {@link #fold} appends after a word's base chars. */
    public static boolean isToneMark(char c) {
        return isTone(c);
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /** Lower case, tone marks taken out and appended after the NFC base. */
    static String slowFoldWord(String w) {
        String d = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(d.length());
        StringBuilder tones = new StringBuilder(2);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (isTone(c)) {
                tones.append(c);
            } else {
                base.append(c);
            }
        }
        return Normalizer.normalize(base, Normalizer.Form.NFC) + tones;
    }
}
