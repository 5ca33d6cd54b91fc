package org.vnextract.extract;

/**
 * The digit groups and separators of one number lexeme ("25-27/9" → 25 '-' 27 '/' 9), read once
 * and at most {@link #MAX_GROUPS} groups deep, so a hostile "1-1-1-…" run costs no more than its
 * first few groups.
 *
 * <p>Immutable after construction; not shared between threads (made per lexeme).
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

    /** The parts of {@code text[start, end)}, a number lexeme. */
    public static NumberParts of(String text, int start, int end) {
        return new NumberParts(text, start, end);
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
