package org.vnextract.extract.counts;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vnextract.internal.Validate;
import org.vnextract.pipeline.ModelSource;

/**
 * Reads numbers as Vietnamese writes them: "." groups thousands and "," is the decimal mark
 * ("7.097" = 7097, "5,8" = 5.8, "1.200.000"), scale words multiply ("5,8 tỷ"), and numbers in
 * words ("mười lăm" = 15, "hai mươi mốt" = 21, "một trăm" = 100). The scale and number words are
 * data ({@code models/counts/scales.tsv}, {@code number_words.tsv}).
 *
 * <p>Immutable; thread-safe.
 */
public final class VietnameseNumbers {
    /** Digit strings longer than this are not numbers we read (phone numbers, IDs, hostile runs). */
    public static final int MAX_DIGITS = 18;

    enum Role { DIGIT, TEN, TENS, HUNDRED, AFTER_TEN, FILLER }

    private record Word(Role role, int value) {}

    private final Map<String, BigDecimal> scales = new HashMap<>();
    private final Map<String, Word> words = new HashMap<>();

    public VietnameseNumbers(ModelSource models) {
        Validate.notNull(models, "models");
        for (String l : models.lines("counts/scales.tsv")) {
            String[] c = l.split("\t");
            scales.put(c[0].strip().toLowerCase(Locale.ROOT), new BigDecimal(c[1].strip()));
        }
        for (String l : models.lines("counts/number_words.tsv")) {
            String[] c = l.split("\t");
            Role r = Role.valueOf(c[1].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            words.put(c[0].strip().toLowerCase(Locale.ROOT), new Word(r, Integer.parseInt(c[2].strip())));
        }
    }

    /** The factor of a scale word ("triệu" → 1000000), or null. */
    public BigDecimal scale(String lower) {
        return lower == null ? null : scales.get(lower);
    }

    public boolean isNumberWord(String lower) {
        return lower != null && words.containsKey(lower);
    }

    /**
     * The value of {@code s[start, end)} written with digits in Vietnamese format, or null when it is
     * not one: "4.595", "5,8", "02", "1.200.000". A single "." followed by other than three digits is
     * read as a decimal point ("2.5"), as some sites write.
     */
    public BigDecimal parseDigits(CharSequence s, int start, int end) {
        Validate.notNull(s, "s");
        if (start >= end) {
            return null;
        }
        int comma = -1;
        int dots = 0;
        int lastDot = -1;
        int digits = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ',') {
                if (comma >= 0) {
                    return null;
                }
                comma = k;
            } else if (c == '.') {
                if (comma >= 0) {
                    return null;
                }
                dots++;
                lastDot = k;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || !isDigit(s.charAt(start)) || !isDigit(s.charAt(end - 1))) {
            return null;
        }
        int intEnd = comma >= 0 ? comma : end;
        if (dots > 0 && !groupedThousands(s, start, intEnd)) {
            if (dots == 1 && comma < 0) { // "2.5": a decimal point
                return new BigDecimal(s.subSequence(start, end).toString());
            }
            return null;
        }
        StringBuilder b = new StringBuilder(digits + 1);
        for (int k = start; k < intEnd; k++) {
            char c = s.charAt(k);
            if (c != '.') {
                b.append(c);
            }
        }
        if (comma >= 0) {
            b.append('.').append(s, comma + 1, end);
        }
        return new BigDecimal(b.toString());
    }

    /** "1.234.567": a first group of one to three digits, then groups of exactly three. */
    private static boolean groupedThousands(CharSequence s, int start, int end) {
        int run = 0;
        boolean first = true;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (first ? run < 1 || run > 3 : run != 3) {
                    return false;
                }
                first = false;
                run = 0;
            } else {
                run++;
            }
        }
        return !first && run == 3;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A number read from words: its value and how many words it took. */
    public record Spelled(long value, int words) {}

    /**
     * The number written in the words {@code lower[from…]} ("hai mươi mốt", "một trăm linh năm",
     * "hai nghìn"), stopping at the first word that does not continue it; null when none starts at
     * {@code from}. Scale words inside or after the number multiply ("hai triệu" = 2000000).
     */
    public Spelled parseWords(List<String> lower, int from) {
        Validate.notNull(lower, "lower");
        long total = 0;   // completed thousands groups
        long section = 0; // below the next scale word
        int pending = -1; // a digit not yet placed
        boolean afterTen = false; // the last word was mười/mươi, so lăm/mốt/tư may follow
        boolean afterHundred = false;
        int k = from;
        int used = 0;
        while (k < lower.size() && used < 12) {
            String w = lower.get(k);
            Word nw = words.get(w);
            BigDecimal sc = scales.get(w);
            if (nw != null) {
                switch (nw.role()) {
                    case DIGIT -> {
                        if (pending >= 0 || nw.value() == 5 && !fiveAsNumber(lower, k)) {
                            return finish(total, section, pending, used);
                        }
                        pending = nw.value();
                        afterTen = false;
                    }
                    case AFTER_TEN -> {
                        if (!afterTen) {
                            return finish(total, section, pending, used);
                        }
                        section += nw.value();
                        afterTen = false;
                    }
                    case TEN -> {
                        if (pending >= 0 || section % 100 != 0) {
                            return finish(total, section, pending, used);
                        }
                        section += 10;
                        afterTen = true;
                    }
                    case TENS -> {
                        if (pending < 2 || section % 100 != 0) {
                            return finish(total, section, pending, used);
                        }
                        section += pending * 10L;
                        pending = -1;
                        afterTen = true;
                    }
                    case HUNDRED -> {
                        if (pending < 0 || section != 0) {
                            return finish(total, section, pending, used);
                        }
                        section = pending * 100L;
                        pending = -1;
                        afterTen = false;
                        afterHundred = true;
                    }
                    case FILLER -> {
                        if (!afterHundred || pending >= 0 || section % 100 != 0) {
                            return finish(total, section, pending, used);
                        }
                        afterTen = false;
                    }
                    default -> throw new IllegalStateException(nw.role().toString());
                }
            } else if (sc != null && used > 0) {
                // "hai nghìn ba trăm", "hai triệu"
                long group = section + Math.max(pending, 0);
                if (group == 0) {
                    return finish(total, section, pending, used);
                }
                total += group * sc.longValueExact();
                section = 0;
                pending = -1;
                afterTen = false;
                afterHundred = false;
            } else {
                break;
            }
            k++;
            used++;
        }
        return finish(total, section, pending, used);
    }

    /**
     * "năm" is "year" far more often than "five": it is a digit only before mươi/trăm or a scale
     * ("năm mươi", "năm trăm") or after linh/lẻ ("một trăm linh năm"); "mười năm" is ten years.
     */
    private boolean fiveAsNumber(List<String> lower, int k) {
        if (!lower.get(k).equals("năm")) {
            return true;
        }
        if (k > 0) {
            Word prev = words.get(lower.get(k - 1));
            if (prev != null && prev.role() == Role.FILLER) {
                return true;
            }
        }
        if (k + 1 < lower.size()) {
            Word next = words.get(lower.get(k + 1));
            return next != null && (next.role() == Role.TENS || next.role() == Role.HUNDRED) || scales.containsKey(lower.get(k + 1));
        }
        return false;
    }

    private static Spelled finish(long total, long section, int pending, int used) {
        if (used == 0) {
            return null;
        }
        return new Spelled(total + section + Math.max(pending, 0), used);
    }
}
