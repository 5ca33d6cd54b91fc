package org.vnextract.text;

/**
 * The inner structure of a number the tokenizer kept whole: its digit groups and separators
 * ("25/9/2021" → 25 '/' 9 '/' 2021, "4.595" → 4 '.' 595), read on demand from a {@link
 * TokenKind#NUMBER}, {@link TokenKind#DATE} or {@link TokenKind#SYMBOL} token ({@link #of(String,
 * Token)}: a symbol's leading number, "21" of "21-KL/TW"), at most {@link #MAX_GROUPS} groups deep,
 * so a hostile "1-1-1-…" run costs no more than its first few groups. Where the digits end inside
 * the token ({@link #end(String, Token)}: before the '%' of "100%", before the tail of a symbol) is
 * what the dates and counts extractors read as the number.
 *
 * <p>Immutable after construction; not shared between threads (made per token).
 */
public final class NumberParts {
    /** Numbers with more groups than this are neither dates nor counts. */
    public static final int MAX_GROUPS = 5;

    private final int groups;
    private final long[] values = new long[MAX_GROUPS];
    private final int[] lengths = new int[MAX_GROUPS];
    private final char[] separators = new char[MAX_GROUPS];
    private final boolean tooLong;

    private NumberParts(String text, int start, int end) {
        int g = 0;
        long v = 0;
        int len = 0;
        boolean overflow = false;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                if (len < 18) {
                    v = v * 10 + (c - '0');
                }
                len++;
            } else {
                if (g == MAX_GROUPS - 1) {
                    overflow = true;
                    break;
                }
                values[g] = v;
                lengths[g] = len;
                separators[g] = c == '–' ? '-' : c;
                g++;
                v = 0;
                len = 0;
            }
        }
        if (!overflow) {
            values[g] = v;
            lengths[g] = len;
        }
        this.groups = g + 1;
        this.tooLong = overflow;
    }

    /** The parts of {@code text[start, end)}: digits with single separators between them. */
    public static NumberParts of(String text, int start, int end) {
        return new NumberParts(text, start, end);
    }

    /** The parts of the number that token {@code t} of {@code text} holds or starts with; see {@link #end}. */
    public static NumberParts of(String text, Token t) {
        return new NumberParts(text, t.start(), end(text, t));
    }

    /** Whether {@code t} holds a number: a number, a date, or a symbol that starts with one ("21-KL/TW"). */
    public static boolean isNumber(String text, Token t) {
        return t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.DATE
                || t.kind() == TokenKind.SYMBOL && Tokenizer.isDigit(text.charAt(t.start()));
    }

    /**
     * The end of the number in {@code t} (a token for which {@link #isNumber} holds): its digits and
     * the separators between them, without a '%' ("100%") or a symbol's letters ("21" of "21-KL/TW",
     * "03" of "03- CT/HU"). Digits end at the token's end, or a bounded way before it.
     */
    public static int end(String text, Token t) {
        int e = t.end();
        if (t.kind() == TokenKind.SYMBOL) {
            return Tokenizer.numberEnd(text, t.start(), e);
        }
        return e > t.start() && text.charAt(e - 1) == '%' ? e - 1 : e;
    }

    /** How many digit groups; meaningless when {@link #tooLong()}. */
    public int groups() {
        return groups;
    }

    public boolean tooLong() {
        return tooLong;
    }

    /** The value of group {@code g} (capped at 18 digits). */
    public long value(int g) {
        return values[g];
    }

    /** How many digits group {@code g} has. */
    public int length(int g) {
        return lengths[g];
    }

    /** The separator after group {@code g} ('–' is read as '-'). */
    public char separator(int g) {
        return separators[g];
    }

    /** True when every separator is {@code c}. */
    public boolean allSeparators(char c) {
        for (int g = 0; g < groups - 1; g++) {
            if (separators[g] != c) {
                return false;
            }
        }
        return true;
    }

    /** True when group {@code g} can be a written year (four digits, 1800–2199). */
    public boolean isYear(int g) {
        return lengths[g] == 4 && values[g] >= 1800 && values[g] <= 2199;
    }

    public boolean isDay(int g) {
        return lengths[g] <= 2 && values[g] >= 1 && values[g] <= 31;
    }

    public boolean isMonth(int g) {
        return lengths[g] <= 2 && values[g] >= 1 && values[g] <= 12;
    }
}
