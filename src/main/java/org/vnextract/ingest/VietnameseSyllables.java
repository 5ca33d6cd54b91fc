package org.vnextract.ingest;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * Whether a word has the shape of a written Vietnamese syllable (onset + vowel group + final, at most
 * one tone mark, only sắc or nặng after a stop final), from {@code models/encodings/syllables.tsv}.
 * The encoding detectors count such words: the right decoding of Vietnamese makes nearly every
 * marked word a syllable, a wrong one very few. Also tells old-style tone placement ("hoà", "thuý")
 * from new-style ("hòa", "thúy").
 *
 * <p>Immutable; thread-safe. Each call looks at one word of at most {@value #MAX_WORD} characters,
 * so the cost per word is bounded.
 */
public final class VietnameseSyllables {
    public static final String FILE = "encodings/syllables.tsv";
    /** The longest syllable is 7 letters ("nghiêng"); longer words are not syllables. */
    static final int MAX_WORD = 8;

    /** Where a word of the oa/oe/uy kind without a final carries its tone mark. */
    public enum TonePlacement { NONE, OLD, NEW }

    private final Set<String> onsets = new HashSet<>();
    private final Set<String> vowels = new HashSet<>();
    private final Set<String> finals = new HashSet<>();
    private final Set<String> stops = new HashSet<>();
    private final int maxOnset;

    public VietnameseSyllables(ModelSource models) {
        Validate.notNull(models, "models");
        int longest = 0;
        for (String line : models.lines(FILE)) {
            String[] c = line.split("\t");
            if (c.length < 2) {
                throw new PipelineException(FILE + ": needs 'kind<TAB>spelling': " + line);
            }
            String v = Normalizer.normalize(c[1].strip(), Normalizer.Form.NFC);
            switch (c[0].strip()) {
                case "onset" -> {
                    onsets.add(v);
                    longest = Math.max(longest, v.length());
                }
                case "vowels" -> vowels.add(v);
                case "final" -> finals.add(v);
                case "stop" -> stops.add(v);
                default -> throw new PipelineException(FILE + ": unknown kind '" + c[0] + "'");
            }
        }
        this.maxOnset = longest;
    }

    /** The tone marks of Vietnamese as combining characters. */
    static boolean isToneMark(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }

    /** A word split into its toneless lower-case letters and its tone mark (0 for none), or null. */
    private record Parts(String toneless, char tone, int toneAt) {}

    /** For each char below U+1F00: its toneless lower-case letter (0 when not a letter of ours), and its tone mark. */
    private static final char[] BASE = new char[0x1F00];
    private static final char[] TONE = new char[0x1F00];

    static {
        for (char c = 0; c < BASE.length; c++) {
            if (c < 0x80) {
                char l = Character.toLowerCase(c);
                BASE[c] = l >= 'a' && l <= 'z' ? l : 0;
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).toLowerCase(java.util.Locale.ROOT);
            StringBuilder rest = new StringBuilder();
            char tone = 0;
            for (int i = 0; i < d.length(); i++) {
                if (isToneMark(d.charAt(i))) {
                    tone = d.charAt(i);
                } else {
                    rest.append(d.charAt(i));
                }
            }
            String r = Normalizer.normalize(rest, Normalizer.Form.NFC);
            if (r.length() == 1 && "abcdefghijklmnopqrstuvwxyzđăâêôơư".indexOf(r.charAt(0)) >= 0) {
                BASE[c] = r.charAt(0);
                TONE[c] = tone;
            }
        }
    }

    /** A letter with a combining vowel mark after it (decomposed text), or 0. */
    private static char withVowelMark(char base, char mark) {
        return switch (mark) {
            case '\u0302' -> base == 'a' ? 'â' : base == 'e' ? 'ê' : base == 'o' ? 'ô' : 0;
            case '\u0306' -> base == 'a' ? 'ă' : 0;
            case '\u031B' -> base == 'o' ? 'ơ' : base == 'u' ? 'ư' : 0;
            default -> 0;
        };
    }

    /** A word split into its toneless lower-case letters and its tone mark (0 for none), or null. No normalizer calls: table lookups only. */
    private static Parts parts(CharSequence word) {
        int n = word.length();
        if (n == 0 || n > 2 * MAX_WORD) {
            return null;
        }
        char[] base = new char[n];
        int len = 0;
        char tone = 0;
        int toneAt = -1;
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (isToneMark(c)) {
                if (tone != 0 || len == 0) {
                    return null;
                }
                tone = c;
                toneAt = len - 1;
                continue;
            }
            if (c == '\u0302' || c == '\u0306' || c == '\u031B') {
                char m = len == 0 ? 0 : withVowelMark(base[len - 1], c);
                if (m == 0) {
                    return null;
                }
                base[len - 1] = m;
                continue;
            }
            char b = c < BASE.length ? BASE[c] : 0;
            if (b == 0) {
                return null;
            }
            char t = TONE[c];
            if (t != 0) {
                if (tone != 0) {
                    return null;
                }
                tone = t;
                toneAt = len;
            }
            base[len++] = b;
        }
        if (len > MAX_WORD) {
            return null;
        }
        return new Parts(new String(base, 0, len), tone, toneAt);
    }

    /** True when {@code word} (any case, composed or not) is spelled like a Vietnamese syllable. */
    public boolean isSyllable(CharSequence word) {
        Parts p = parts(word);
        return p != null && shape(p.toneless(), p.tone()) != null;
    }

    /** The onset length of a valid toneless syllable, or null when it is not one. */
    private int[] shape(String s, char tone) {
        int n = s.length();
        for (int o = Math.min(maxOnset, n); o >= 0; o--) {
            if (o > 0 && !onsets.contains(s.substring(0, o))) {
                continue;
            }
            for (int f = Math.min(3, n - o); f >= 0; f--) {
                String fin = s.substring(n - f);
                if (f > 0 && !finals.contains(fin)) {
                    continue;
                }
                if (vowels.contains(s.substring(o, n - f))) {
                    if (stops.contains(fin) && tone != '\u0301' && tone != '\u0323') {
                        continue;
                    }
                    return new int[] {o, f};
                }
            }
        }
        return null;
    }

    /**
     * For a syllable whose vowels are oa, oe or uy with no final (hoà/hòa, khoẻ/khỏe, thuý/thúy):
     * whether the tone sits on the second vowel (old style) or the first (new style). NONE otherwise.
     */
    public TonePlacement tonePlacement(CharSequence word) {
        Parts p = parts(word);
        if (p == null || p.tone() == 0) {
            return TonePlacement.NONE;
        }
        int[] sh = shape(p.toneless(), p.tone());
        if (sh == null || sh[1] != 0) {
            return TonePlacement.NONE;
        }
        String onset = p.toneless().substring(0, sh[0]);
        String v = p.toneless().substring(sh[0]);
        if (!(v.equals("oa") || v.equals("oe") || v.equals("uy")) || onset.equals("qu") || onset.equals("gi")) {
            return TonePlacement.NONE;
        }
        int first = sh[0];
        return p.toneAt() == first ? TonePlacement.NEW : p.toneAt() == first + 1 ? TonePlacement.OLD : TonePlacement.NONE;
    }

    /** Test hook: the vowel groups read from the data file. */
    List<String> vowelGroups() {
        return List.copyOf(vowels);
    }
}
