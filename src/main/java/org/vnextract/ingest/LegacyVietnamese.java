package org.vnextract.ingest;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;
import org.vnextract.pipeline.PipelineException;

/**
 * Reads the two legacy 8-bit Vietnamese font encodings that old archives are full of, TCVN3 (ABC)
 * and VNI-Windows, from the byte tables of {@code models/encodings/tcvn3.tsv} and {@code vni.tsv}.
 * Such text reaches us as windows-1252 mojibake ("§¶ng", "Ñaûng" for "Đảng"): either as bytes
 * that are not UTF-8, or already turned into Unicode by someone who read it as windows-1252. Both
 * are handled through a <em>byte view</em>: a string with one char per byte, as windows-1252 reads
 * it (C1 bytes kept as U+0080–U+009F).
 *
 * <p>Detection counts words: among the words holding a legacy byte, how many become Vietnamese
 * syllables ({@link VietnameseSyllables}) after conversion, against how many words are syllables
 * when the text is read as it stands. Real Vietnamese text in Unicode or windows-1258 scores as it
 * stands, mojibake only after its own conversion.
 *
 * <p>Immutable; thread-safe. Every operation is one pass over the text.
 */
public final class LegacyVietnamese {
    /** The encodings this class reads. */
    public enum Encoding {
        TCVN3("TCVN3 (ABC)", "encodings/tcvn3.tsv"),
        VNI("VNI-Windows", "encodings/vni.tsv");

        private final String label;
        private final String file;

        Encoding(String label, String file) {
            this.label = label;
            this.file = file;
        }

        public String label() {
            return label;
        }
    }

    /** Words counted for a score; more says nothing new and would only cost time. */
    static final int MAX_SCORED_WORDS = 5000;
    /** Words with a legacy byte needed before anything is called legacy text. */
    static final int MIN_SYLLABLES = 2;

    /** Words with marks, and how many of them are Vietnamese syllables. */
    public record Score(int words, int syllables) {
        double ratio() {
            return words == 0 ? 0 : (double) syllables / words;
        }
    }

    /** A detected legacy encoding, the text converted, and the scores that decided it. */
    public record Detection(Encoding encoding, String text, Score converted, Score asIs) {
        public String warning() {
            return "legacy " + encoding.label() + " Vietnamese encoding detected (" + converted.syllables() + " of "
                    + converted.words() + " words with legacy bytes become Vietnamese syllables); converted to Unicode";
        }
    }

    /** windows-1252 at 0x80–0x9F; 0 where it has no character (the byte is kept as U+0080+). */
    private static final char[] CP1252_HIGH = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
        0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178',
    };

    private static final class Table {
        final String[] single = new String[256];
        final String[][] pair = new String[256][];
        final boolean[] legacy = new boolean[256]; // a byte ≥ 0x80 this table gives a meaning
        final Map<String, String> encode = new HashMap<>();
    }

    private final Map<Encoding, Table> tables = new EnumMap<>(Encoding.class);
    private final VietnameseSyllables syllables;

    public LegacyVietnamese(ModelSource models, VietnameseSyllables syllables) {
        Validate.notNull(models, "models");
        this.syllables = Validate.notNull(syllables, "syllables");
        for (Encoding e : Encoding.values()) {
            tables.put(e, load(models, e.file));
        }
    }

    private static Table load(ModelSource models, String file) {
        Table t = new Table();
        for (String line : models.lines(file)) {
            String[] c = line.split("\t");
            if (c.length < 2 || c[0].isEmpty() || c[0].length() % 2 != 0 || c[0].length() > 4 || c[1].isEmpty()) {
                throw new PipelineException(file + ": needs 'hex bytes<TAB>unicode': " + line);
            }
            int[] b = new int[c[0].length() / 2];
            for (int i = 0; i < b.length; i++) {
                try {
                    b[i] = Integer.parseInt(c[0].substring(2 * i, 2 * i + 2), 16);
                } catch (NumberFormatException ex) {
                    throw new PipelineException(file + ": bad hex '" + c[0] + "'");
                }
            }
            String u = c[1];
            if (b.length == 1) {
                t.single[b[0]] = u;
            } else {
                if (t.pair[b[0]] == null) {
                    t.pair[b[0]] = new String[256];
                }
                t.pair[b[0]][b[1]] = u;
            }
            for (int x : b) {
                if (x >= 0x80) {
                    t.legacy[x] = true;
                }
            }
            StringBuilder view = new StringBuilder();
            for (int x : b) {
                view.append(charOf(x));
            }
            if (t.encode.putIfAbsent(u, view.toString()) != null) {
                throw new PipelineException(file + ": '" + u + "' mapped twice");
            }
        }
        return t;
    }

    /** The char windows-1252 reads for byte {@code b} (C1 bytes with no character stay U+0080+). */
    public static char charOf(int b) {
        if (b >= 0x80 && b < 0xA0 && CP1252_HIGH[b - 0x80] != 0) {
            return CP1252_HIGH[b - 0x80];
        }
        return (char) b;
    }

    /** The byte windows-1252 writes for {@code c}, or -1 when it has none. */
    public static int byteOf(char c) {
        if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
            return c;
        }
        if (c < 0xA0) {
            return CP1252_HIGH[c - 0x80] == 0 ? c : -1;
        }
        for (int i = 0; i < CP1252_HIGH.length; i++) {
            if (CP1252_HIGH[i] == c) {
                return 0x80 + i;
            }
        }
        return -1;
    }

    /** The byte view of raw bytes: one char per byte. */
    public static String byteView(byte[] bytes) {
        char[] out = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = charOf(bytes[i] & 0xFF);
        }
        return new String(out);
    }

    /** Converts a byte view of legacy text to Unicode (NFC); chars outside windows-1252 pass through. */
    public String decode(Encoding enc, CharSequence view) {
        Validate.notNull(enc, "enc");
        Validate.notNull(view, "view");
        Table t = tables.get(enc);
        StringBuilder sb = new StringBuilder(view.length());
        int n = view.length();
        for (int i = 0; i < n; i++) {
            char c = view.charAt(i);
            int b = byteOf(c);
            if (b < 0) {
                sb.append(c);
                continue;
            }
            if (i + 1 < n && t.pair[b] != null) {
                String p = pairOf(t, b, view.charAt(i + 1));
                if (p != null) {
                    sb.append(p);
                    i++;
                    continue;
                }
            }
            String s = t.single[b];
            if (s != null) {
                sb.append(s);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A two-byte letter; a mark byte of the other case still counts (typists mixed them), the base letter's case wins. */
    private static String pairOf(Table t, int first, char second) {
        int b2 = byteOf(second);
        if (b2 < 0) {
            return null;
        }
        String p = t.pair[first][b2];
        if (p != null) {
            return p;
        }
        int other = b2 >= 0xC0 && b2 < 0xE0 ? b2 + 0x20 : b2 >= 0xE0 ? b2 - 0x20 : -1;
        if (other < 0 || t.pair[first][other] == null) {
            return null;
        }
        String q = t.pair[first][other];
        boolean upperBase = Character.isUpperCase(charOf(first));
        return upperBase ? q.toUpperCase(java.util.Locale.ROOT) : q.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Writes Unicode text in a legacy encoding, as a byte view (for tests and fixtures). TCVN3 has no
     * capitals with tone marks: those are written as their lower-case letter, as typists did.
     * Characters the encoding lacks pass through.
     */
    public String encode(Encoding enc, String unicode) {
        Validate.notNull(enc, "enc");
        Validate.notNull(unicode, "unicode");
        Table t = tables.get(enc);
        String s = java.text.Normalizer.normalize(unicode, java.text.Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            String c = String.valueOf(s.charAt(i));
            String v = t.encode.get(c);
            if (v == null && Character.isUpperCase(s.charAt(i))) {
                v = t.encode.get(c.toLowerCase(java.util.Locale.ROOT));
            }
            sb.append(v != null ? v : c);
        }
        return sb.toString();
    }

    /** How {@code text} scores read as it stands: words with a non-ASCII letter, and the syllables among them. */
    public Score scoreAsIs(CharSequence text) {
        int words = 0;
        int ok = 0;
        int n = text.length();
        int i = 0;
        while (i < n && words < MAX_SCORED_WORDS) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean marked = false;
            while (i < n && isWordChar(text.charAt(i))) {
                marked |= text.charAt(i) >= 0x80;
                i++;
            }
            if (marked) {
                words++;
                if (syllables.isSyllable(text.subSequence(start, i))) {
                    ok++;
                }
            }
        }
        return new Score(words, ok);
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** How a byte view scores once converted from {@code enc}: words with a legacy byte, and the syllables among them. */
    public Score score(Encoding enc, CharSequence view) {
        Table t = tables.get(enc);
        int words = 0;
        int ok = 0;
        int n = view.length();
        int i = 0;
        while (i < n && words < MAX_SCORED_WORDS) {
            int b = byteOf(view.charAt(i));
            if (!isLegacyWordByte(t, b)) {
                i++;
                continue;
            }
            int start = i;
            boolean legacy = false;
            while (i < n) {
                int x = byteOf(view.charAt(i));
                if (!isLegacyWordByte(t, x)) {
                    break;
                }
                legacy |= x >= 0x80;
                i++;
            }
            if (legacy) {
                words++;
                if (i - start <= 2 * VietnameseSyllables.MAX_WORD
                        && syllables.isSyllable(decode(enc, view.subSequence(start, i)))) {
                    ok++;
                }
            }
        }
        return new Score(words, ok);
    }

    private static boolean isLegacyWordByte(Table t, int b) {
        return b >= 0 && (b < 0x80 ? (b | 0x20) >= 'a' && (b | 0x20) <= 'z' : t.legacy[b]);
    }

    /**
     * The legacy encoding {@code view} is written in, if any: the one whose conversion makes the most
     * syllables, when that is most of its words and clearly more than {@code rival} (how the text
     * scores read some other way: as it stands, or as windows-1258).
     */
    public Detection detect(CharSequence view, Score rival) {
        Validate.notNull(view, "view");
        Validate.notNull(rival, "rival");
        Encoding best = null;
        Score bestScore = null;
        for (Encoding e : Encoding.values()) {
            Score s = score(e, view);
            if (bestScore == null || s.syllables() > bestScore.syllables()) {
                best = e;
                bestScore = s;
            }
        }
        if (bestScore.syllables() < MIN_SYLLABLES || bestScore.ratio() < 0.6
                || bestScore.syllables() * 2 < rival.syllables() * 3 + 2) {
            return null;
        }
        return new Detection(best, decode(best, view), bestScore, rival);
    }
}
