package org.vnextract.segment;

/**
 * The lookup key of a token: lower case, with the tone mark of "oa", "oe" and "uy" on the second
 * vowel ("hòa" → "hoà", "thủy" → "thuỷ"), the spelling vi-vocab and wordsegmenter.rdr are written
 * in. Only the key is rewritten; the text and its offsets are never touched, so the output keeps
 * the source spelling. A straight double quote or curly quote becomes {@code ''}, the form the
 * rule tree was trained on. The Icelandic eth (Ð/ð), which some pages type for Đ/đ ("Ðặng"), keys as đ.
 *
 * <p>Stateless; thread-safe.
 */
final class SyllableKey {
    /** Longest key kept; longer tokens are not syllables and get no id. */
    static final int MAX_LENGTH = 64;

    private static final String TONED_O = "òóỏõọ";
    private static final String TONED_U = "ùúủũụ";
    private static final String TONED_A = "àáảãạ";
    private static final String TONED_E = "èéẻẽẹ";
    private static final String TONED_Y = "ỳýỷỹỵ";

    private SyllableKey() {}

    /**
     * Writes the key of {@code text[from, to)} into {@code buf} (at least {@link #MAX_LENGTH} long).
     * @return the key length, or -1 when the token is longer than {@link #MAX_LENGTH}
     */
    static int of(CharSequence text, int from, int to, char[] buf) {
        int n = to - from;
        if (n > MAX_LENGTH) {
            return -1;
        }
        if (n == 1) {
            char q = text.charAt(from);
            if (q == '"' || q == '“' || q == '”') {
                buf[0] = '\'';
                buf[1] = '\'';
                return 2;
            }
        }
        boolean toned = false;
        for (int k = 0; k < n; k++) {
            char c = text.charAt(from + k);
            if (c < 0x80) {
                buf[k] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                c = c == '\u00D0' || c == '\u00F0' ? 'đ' : Character.toLowerCase(c);
                buf[k] = c;
                toned |= c >= 0xF2;
            }
        }
        for (int k = 0; toned && k + 1 < n; k++) {
            char c = buf[k];
            if (c < 0xF2) {
                continue;
            }
            char d = buf[k + 1];
            int tone;
            if ((tone = TONED_O.indexOf(c)) >= 0) {
                if (d == 'a') {
                    buf[k] = 'o';
                    buf[k + 1] = TONED_A.charAt(tone);
                } else if (d == 'e') {
                    buf[k] = 'o';
                    buf[k + 1] = TONED_E.charAt(tone);
                }
            } else if ((tone = TONED_U.indexOf(c)) >= 0 && d == 'y') {
                buf[k] = 'u';
                buf[k + 1] = TONED_Y.charAt(tone);
            }
        }
        return n;
    }

    /** The key of a whole string (model loading and tests). */
    static String of(String s) {
        char[] buf = new char[Math.max(MAX_LENGTH, s.length())];
        if (s.length() > MAX_LENGTH) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        int n = of(s, 0, s.length(), buf);
        return new String(buf, 0, n);
    }
}
