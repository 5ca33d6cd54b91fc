package org.vnextract.extract.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.dates.ArticleTexts;

/**
 * Number reading, with property-style checks over numbers generated from a fixed seed (so a
 * failure names a reproducible case): whatever integer is printed in Vietnamese grouping, with or
 * without a decimal part and a scale word, or spelled out in words, it reads back to its value.
 */
class VietnameseNumbersTest {
    private static final VietnameseNumbers NUMBERS = new VietnameseNumbers(ArticleTexts.MODELS);
    private static final String[] SCALES = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ"};
    private static final long[] FACTORS = {1_000L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000L};
    private static final int CASES = 5_000;

    /** 1234567 → "1.234.567". Written independently of the parser. */
    static String grouped(long v) {
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            if (k > 0 && (s.length() - k) % 3 == 0) {
                b.append('.');
            }
            b.append(s.charAt(k));
        }
        return b.toString();
    }

    private static BigDecimal read(String s) {
        return NUMBERS.parseDigits(s, 0, s.length());
    }

    @Test
    void anyGroupedIntegerReadsBack() {
        Random r = new Random(20260101L);
        for (int n = 0; n < CASES; n++) {
            long v = Math.abs(r.nextLong() % pow10(1 + r.nextInt(15)));
            String w = grouped(v);
            assertThat(read(w)).as(w).isNotNull();
            assertThat(read(w).compareTo(BigDecimal.valueOf(v))).as(w).isZero();
        }
    }

    @Test
    void anyGroupedNumberWithDecimalsAndScaleReadsBackInACount() {
        Random r = new Random(77L);
        for (int n = 0; n < CASES; n++) {
            long whole = Math.abs(r.nextLong() % pow10(1 + r.nextInt(6)));
            int decimals = r.nextInt(3);
            long frac = decimals == 0 ? 0 : 1 + r.nextInt((int) pow10(decimals) - 1);
            String fracText = decimals == 0 ? "" : "," + String.format("%0" + decimals + "d", frac);
            int s = r.nextInt(SCALES.length + 1); // the last index: no scale word
            BigDecimal expected = new BigDecimal(whole + (decimals == 0 ? "" : "." + String.format("%0" + decimals + "d", frac)));
            String written = grouped(whole) + fracText;
            String sentence;
            if (s < SCALES.length) {
                expected = expected.multiply(BigDecimal.valueOf(FACTORS[s]));
                sentence = "Toàn tỉnh có " + written + " " + SCALES[s] + " đảng viên.";
            } else {
                sentence = "Toàn tỉnh có " + written + " đảng viên.";
            }
            if (expected.signum() == 0 || written.startsWith("0") && written.length() > 3) {
                continue; // zero is a count too, but "0,5" style leading zeros are tested below
            }
            List<CountMention> cs = CountExtractorTest.counts(sentence);
            assertThat(cs).as(sentence).hasSize(1);
            assertThat(cs.get(0).value().compareTo(expected)).as(sentence + " → " + cs.get(0).value()).isZero();
            assertThat(cs.get(0).unit()).as(sentence).isEqualTo("đảng viên");
        }
    }

    @Test
    void anySpelledNumberReadsBack() {
        Random r = new Random(5L);
        for (int n = 0; n < CASES; n++) {
            long v = 2 + Math.abs(r.nextLong() % 999_999L);
            if (v >= 1000 && v % 1000 != 0 && v % 1000 < 100) {
                continue; // "hai nghìn không trăm linh năm": "không" is kept out of the number words
            }
            if (v == 5) {
                continue; // "năm" alone is "year"
            }
            List<String> words = new ArrayList<>(Arrays.asList(spell(v).split(" ")));
            int size = words.size();
            words.add("đảng");
            VietnameseNumbers.Spelled sp = NUMBERS.parseWords(words, 0);
            assertThat(sp).as(String.join(" ", words)).isNotNull();
            assertThat(sp.value()).as(String.join(" ", words)).isEqualTo(v);
            assertThat(sp.words()).as(String.join(" ", words)).isEqualTo(size);
        }
    }

    @Test
    void examples() {
        assertThat(read("4.595")).isEqualByComparingTo("4595");
        assertThat(read("5,8")).isEqualByComparingTo("5.8");
        assertThat(read("1.200.000")).isEqualByComparingTo("1200000");
        assertThat(read("02")).isEqualByComparingTo("2");
        assertThat(read("7,0")).isEqualByComparingTo("7");
        assertThat(read("2.5")).as("a lone dot before other than three digits is a decimal point").isEqualByComparingTo("2.5");
        assertThat(read("1.2.3")).isNull();
        assertThat(read("12.34.567")).isNull();
        assertThat(read("1,2,3")).isNull();
        assertThat(read("1234567890123456789")).as("longer than any count").isNull();
        assertThat(NUMBERS.scale("triệu")).isEqualByComparingTo("1000000");
        assertThat(NUMBERS.parseWords(List.of("mười", "năm"), 0).value()).as("mười năm is ten years").isEqualTo(10);
        assertThat(NUMBERS.parseWords(List.of("một", "trăm", "linh", "năm"), 0).value()).isEqualTo(105);
        assertThat(NUMBERS.parseWords(List.of("năm", "mươi"), 0).value()).isEqualTo(50);
        assertThat(NUMBERS.parseWords(List.of("đảng"), 0)).isNull();
    }

    private static long pow10(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= 10;
        }
        return p;
    }

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

    /** Vietnamese reading of 2 ≤ v < 1 000 000, written independently of the parser. */
    static String spell(long v) {
        long thousands = v / 1000;
        long rest = v % 1000;
        StringBuilder b = new StringBuilder();
        if (thousands > 0) {
            b.append(spellBelowThousand(thousands, false)).append(" nghìn");
        }
        if (rest > 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(spellBelowThousand(rest, thousands > 0));
        }
        return b.toString();
    }

    private static String spellBelowThousand(long v, boolean inner) {
        int h = (int) (v / 100);
        int t = (int) (v / 10 % 10);
        int u = (int) (v % 10);
        List<String> w = new ArrayList<>();
        if (h > 0) {
            w.add(DIGITS[h]);
            w.add("trăm");
        }
        if (t == 0 && u > 0 && h > 0) {
            w.add("linh");
            w.add(DIGITS[u]);
        } else if (t == 1) {
            w.add("mười");
            if (u > 0) {
                w.add(u == 5 ? "lăm" : DIGITS[u]);
            }
        } else if (t > 1) {
            w.add(DIGITS[t]);
            w.add("mươi");
            if (u > 0) {
                w.add(u == 1 ? "mốt" : u == 5 ? "lăm" : u == 4 && t % 2 == 0 ? "tư" : DIGITS[u]);
            }
        } else if (u > 0) {
            w.add(DIGITS[u]);
        }
        return String.join(" ", w);
    }
}
