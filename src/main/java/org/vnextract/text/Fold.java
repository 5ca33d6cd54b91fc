package org.vnextract.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The folding under which two strings count as the same (RECORD.md "Text"): NFC, the eth lookalike
 * read as Đ, lower case, runs of white space as one space, surrounding punctuation dropped, and the
 * tone mark of each word moved to its end so that its placement does not matter (hòa = hoà,
 * thủy = thuỷ). This is exactly {@code fold()} of {@code ../shared/tools/score.py}.
 *
 * <p>Stateless; thread-safe.
 */
public final class Fold {
    private static final String STRIP = " \t\r\n.,;:!?\"'“”‘’()[]-–—|";

    private Fold() {}

    public static String fold(String s) {
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
                out.append(foldWord(core.substring(start, i)));
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /** Lower case, tone marks taken out and appended after the NFC base. */
    static String foldWord(String w) {
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
