package org.vnextract.text;

/**
 * The written shape of a document symbol that starts at a number token, read on demand from the
 * token's first character as {@link NumberParts} reads a number: the number (at most {@link
 * #MAX_NUMBER_DIGITS} digits) with an optional letter written before a slash ("30c/NQ-CP"), then
 * the parts that follow it in order, separators ({@link Part#DASH}, {@link Part#SLASH}) and items
 * ({@link Part#CODE} "KL", "NĐ", "QH13", "BGD&amp;ĐT"; {@link Part#DIGITS} "2019"), each with where
 * it lies and the white space written before it (how long, how many line breaks, only plain
 * spaces or not). This covers every written variant of a symbol: "21-KL/TW", "03- CT/HU", "55
 * -TB/TW", "05 – CT/TW", a symbol broken across a line, "19-2017/NQ-CP", "100/2019/NĐ-CP",
 * "183/2010/TTLT/BTC-BNN", "Kết luận số 21 KL/TW" (an item right after the number).
 *
 * <p>The shape knows no lexicon: which code is a type or an issuer, and so whether the shape is
 * read as a party symbol ({@code number-TYPE/ISSUER}) or a state one ({@code number/[year/]CODE-CODE}),
 * is for the documents extractor to say. Items and separators alternate (right after the number an
 * item only when it is a code written with a capital after white space, a space written for the
 * dash); the parts end at the first character that breaks that ({@link Part#OTHER}), at white space longer than {@link
 * #MAX_GAP} or holding two line breaks, after {@link #MAX_PARTS} parts, or {@link #MAX_LENGTH}
 * characters from the number's start, so a shape costs O(1) per token whatever the text holds.
 *
 * <p>Immutable after construction; not shared between threads (made per token).
 */
public final class SymbolShape {
    /** No symbol is longer than this many characters, written variants included. */
    public static final int MAX_LENGTH = 64;
    /** A symbol's number has at most this many digits. */
    public static final int MAX_NUMBER_DIGITS = 5;
    /** A code longer than this is no code ({@link #isCode}). */
    public static final int MAX_CODE = 12;
    /** The longest white space (characters, one line break among them at most) between two parts. */
    public static final int MAX_GAP = 3;
    /** Parts read at the most: more than any symbol's parts and the one after them. */
    public static final int MAX_PARTS = 16;

    /** What a part of a symbol is. */
    public enum Part {
        /** A hyphen or a dash of another kind ("-", "–", "—"). */
        DASH,
        /** "/". */
        SLASH,
        /** A run of digits ("2019"). */
        DIGITS,
        /** A run of letters and digits starting with a letter, an ampersand between letters ("QH13", "BGD&amp;ĐT"). */
        CODE,
        /** The one character that ends the shape, when it is none of the above and no white space is too long before it. */
        OTHER
    }

    private final String text;
    private final int start;
    private final int numberEnd;
    private final boolean letter;
    private final boolean joined;
    private int n;
    private final Part[] kind = new Part[MAX_PARTS];
    /** Per part: where it starts, where it ends, where the letters opening a code end. */
    private final int[] at = new int[3 * MAX_PARTS];
    /** Per part: the white space before it, its length and its line breaks (plain spaces only: {@link #PLAIN} set). */
    private final byte[] space = new byte[2 * MAX_PARTS];
    private static final byte PLAIN = 4;

    private SymbolShape(String text, int start, int numberEnd, boolean letter) {
        this.text = text;
        this.start = start;
        this.numberEnd = numberEnd;
        this.letter = letter;
        this.joined = start > 0 && Character.isLetterOrDigit(text.charAt(start - 1));
    }

    /**
     * The shape of the symbol that may start at {@code start} (a digit) of {@code text}, or null when
     * no number of at most {@link #MAX_NUMBER_DIGITS} digits starts there.
     */
    public static SymbolShape at(String text, int start) {
        int limit = Math.min(text.length(), start + MAX_LENGTH);
        int i = start;
        while (i < limit && Tokenizer.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == start || i - start > MAX_NUMBER_DIGITS) {
            return null;
        }
        boolean letter = i + 1 < limit && isAsciiLetter(text.charAt(i)) && text.charAt(i + 1) == '/';
        SymbolShape s = new SymbolShape(text, start, letter ? i + 1 : i, letter);
        s.readParts(limit);
        return s;
    }

    private void readParts(int limit) {
        int p = numberEnd;
        while (n < MAX_PARTS && p < limit) {
            int g = p;
            int nl = 0;
            boolean onlySpaces = true;
            while (g < limit && g - p <= MAX_GAP) {
                char c = text.charAt(g);
                if (c == '\n') {
                    nl++;
                } else if (c != ' ' && c != '\u00A0' && c != '\t') {
                    break;
                }
                onlySpaces &= c == ' ';
                g++;
            }
            if (g >= limit || g - p > MAX_GAP || nl > 1) {
                return;
            }
            char c = text.charAt(g);
            boolean afterItem = n > 0 && (kind[n - 1] == Part.CODE || kind[n - 1] == Part.DIGITS);
            int e;
            Part k;
            if (isDash(c) || c == '/') {
                k = n > 0 && !afterItem ? Part.OTHER : c == '/' ? Part.SLASH : Part.DASH;
                e = g + 1;
            } else if (afterItem) {
                k = Part.OTHER;
                e = g + 1;
            } else if (Tokenizer.isDigit(c) && n > 0) {
                k = Part.DIGITS;
                e = g + 1;
                while (e < limit && Tokenizer.isDigit(text.charAt(e))) {
                    e++;
                }
            } else if (Character.isLetter(c) && (n > 0 || g > p && Character.isUpperCase(c))) {
                k = Part.CODE;
                e = g + 1;
                while (e < limit) {
                    char d = text.charAt(e);
                    if (!Character.isLetterOrDigit(d) && !(d == '&' && e + 1 < limit && Character.isLetter(text.charAt(e + 1)))) {
                        break;
                    }
                    e++;
                }
                int l = g + 1;
                while (l < e && Character.isLetter(text.charAt(l))) {
                    l++;
                }
                at[3 * n + 2] = l;
            } else {
                k = Part.OTHER;
                e = g + 1;
            }
            kind[n] = k;
            at[3 * n] = g;
            at[3 * n + 1] = e;
            space[2 * n] = (byte) (g - p);
            space[2 * n + 1] = (byte) (onlySpaces ? nl | PLAIN : nl);
            n++;
            if (k == Part.OTHER) {
                return;
            }
            p = e;
        }
    }

    /** Where the number starts (the token's first character). */
    public int start() {
        return start;
    }

    /** The end of the number, its letter included ("30c" of "30c/NQ-CP"). */
    public int numberEnd() {
        return numberEnd;
    }

    /** The number as written, its letter included ("03", "30c"). */
    public String number() {
        return text.substring(start, numberEnd);
    }

    /** Whether the number ends in a letter written before a slash ("30c/NQ-CP"). */
    public boolean hasLetter() {
        return letter;
    }

    /** Whether a letter or digit stands right before the number ("ABC12-QĐ/TW", "số31-QĐ/TW"). */
    public boolean joinedBefore() {
        return joined;
    }

    /** How many parts follow the number. */
    public int parts() {
        return n;
    }

    /** What part {@code k} is; null past the last part, so a reader may ask one part ahead. */
    public Part kind(int k) {
        return k < n ? kind[k] : null;
    }

    public int start(int k) {
        return at[3 * k];
    }

    public int end(int k) {
        return at[3 * k + 1];
    }

    /** Part {@code k} as written. */
    public String written(int k) {
        return text.substring(start(k), end(k));
    }

    /** The written text of {@code [from, to)} inside the symbol (a code cut short, "UBND" of "UBNDỦY"). */
    public String written(int from, int to) {
        return text.substring(from, to);
    }

    /** Part {@code k} is a code of at most {@link #MAX_CODE} characters. */
    public boolean isCode(int k) {
        return k < n && kind[k] == Part.CODE && end(k) - start(k) <= MAX_CODE;
    }

    /** The end of the letters that open code {@code k} ("QH" of "QH13", "BGD" of "BGD&amp;ĐT"). */
    public int lettersEnd(int k) {
        return at[3 * k + 2];
    }

    /** Part {@code k} exists and starts with a capital. */
    public boolean upper(int k) {
        return k < n && Character.isUpperCase(text.charAt(start(k)));
    }

    /** Part {@code k} is a hyphen ('-'), not a dash of another kind. */
    public boolean isHyphen(int k) {
        return k < n && kind[k] == Part.DASH && text.charAt(start(k)) == '-';
    }

    /** How many white-space characters stand before part {@code k}. */
    public int gap(int k) {
        return space[2 * k];
    }

    /** Whether the white space before part {@code k} is plain spaces (no tab, no-break space or line break). */
    public boolean plainGap(int k) {
        return (space[2 * k + 1] & PLAIN) != 0;
    }

    /**
     * Part {@code k} exists and at most {@code max} white-space characters stand before it, a line
     * break among them only when {@code newline}.
     */
    public boolean near(int k, int max, boolean newline) {
        return k < n && space[2 * k] <= max && (space[2 * k + 1] & ~PLAIN) <= (newline ? 1 : 0);
    }

    /** Part {@code k} exists, of kind {@code p}, with no white space before it. */
    public boolean adjacent(int k, Part p) {
        return k < n && kind[k] == p && space[2 * k] == 0;
    }

    /** A letter or digit goes on right after part {@code k}: the part is the start of a longer word. */
    public boolean continues(int k) {
        int e = end(k);
        return e < text.length() && Character.isLetterOrDigit(text.charAt(e));
    }

    /** A hyphen or a dash of another kind. */
    public static boolean isDash(char c) {
        return c == '-' || c == '–' || c == '—' || c == '‑' || c == '−';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
