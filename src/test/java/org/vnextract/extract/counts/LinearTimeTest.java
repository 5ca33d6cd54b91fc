package org.vnextract.extract.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vnextract.extract.dates.ArticleTexts;
import org.vnextract.extract.dates.DateExtractor;
import org.vnextract.text.AnalyzedText;
import org.vnextract.text.TextStage;

/**
 * Dates and counts run in time linear in the text on hostile input: 1 MB of long digit runs,
 * "1-1-1-…", "số số …", slashes, stacked cue words and dates. The time is compared with a linear
 * baseline measured in the same run, and the 1 MB run with a quarter-size run (a quadratic scan
 * would take 16 times as long; a linear one about 4).
 */
class LinearTimeTest {
    private static final DateExtractor DATES = new DateExtractor(ArticleTexts.MODELS);
    private static final CountExtractor COUNTS = new CountExtractor(ArticleTexts.MODELS);
    private static final TextStage TEXT = new TextStage(ArticleTexts.MODELS, 4_000_000, TextStage.DEFAULT_MAX_SENTENCE_TOKENS);

    static String hostile(int chars) {
        String[] pieces = {
            "1-".repeat(2000) + "1 ",
            "9".repeat(4000) + " ",
            "số ".repeat(1500),
            "1/".repeat(2000) + "1 ",
            "1.000.".repeat(800) + "1 ",
            "ngày ".repeat(500) + "1-1 ",
            "ngày 1 và ".repeat(400) + "2/3 ",
            "tháng 1-2023 ".repeat(300),
            "hai mươi ".repeat(600) + "đảng viên ",
            "Sáng 20-7, ".repeat(400) + "năm 2020 ",
            "(((( 1-1-2021 - ".repeat(300),
            "nhiệm kỳ 2020-2025 ".repeat(300),
            "hơn hơn hơn 2 ".repeat(400) + "năm ",
            "12:30:45:".repeat(500) + "1 ",
            "quý I/".repeat(500) + "2024 ",
            "1kg-".repeat(1000) + "1m 2 ",
            "suốt gần 1 giờ ".repeat(400) + "liên tục ",
            "từ 1 triệu đến ".repeat(400) + "2 triệu đồng ",
            "30/4 - ".repeat(500) + "1/5 ",
            "quả 11m ".repeat(500),
        };
        // pieces of a few KB each, so that every size holds every kind of hostile run many times
        StringBuilder b = new StringBuilder(chars + 10_000);
        int k = 0;
        while (b.length() < chars) {
            b.append(pieces[k++ % pieces.length]).append('\n');
        }
        b.setLength(chars);
        return b.toString();
    }

    private static AnalyzedText analyzed(String text) {
        List<String> paragraphs = new ArrayList<>(List.of(text.split("\n")));
        paragraphs.removeIf(String::isBlank);
        return TEXT.analyze(paragraphs, false, new ArrayList<>());
    }

    private static int extract(AnalyzedText t) {
        DateExtractor.Found f = DATES.find(t, null);
        return f.dates().size() + f.periods().size() + COUNTS.find(t, null, f.dates(), f.periods()).size();
    }

    /** A plainly linear pass over the text: lower-case it and classify every character. */
    private static int baseline(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int letters = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                letters++;
            }
        }
        return letters;
    }

    @Test
    void linearOnHostileText() {
        AnalyzedText big = analyzed(hostile(1 << 20));
        AnalyzedText quarter = analyzed(hostile(1 << 18));
        int sink = 0;
        long tBig = Long.MAX_VALUE;
        long tQuarter = Long.MAX_VALUE;
        long tBase = Long.MAX_VALUE;
        // This thread's CPU time, best of interleaved rounds: wall-clock time on a shared machine
        // measures the other processes more than this code.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            sink += extract(quarter);
            long t1 = cpu.getCurrentThreadCpuTime();
            sink += extract(big);
            long t2 = cpu.getCurrentThreadCpuTime();
            sink += baseline(big.text());
            long t3 = cpu.getCurrentThreadCpuTime();
            if (round > 0) { // the first round warms up the JIT
                tQuarter = Math.min(tQuarter, t1 - t0);
                tBig = Math.min(tBig, t2 - t1);
                tBase = Math.min(tBase, t3 - t2);
            }
        }
        System.out.printf(Locale.ROOT, "dates+counts: 1 MB %.1f ms, 256 KB %.1f ms; baseline 1 MB %.1f ms%n",
                tBig / 1e6, tQuarter / 1e6, tBase / 1e6);
        assertThat(sink).isPositive();
        // 4x the input may cost at most 10x the time (a quadratic scan would take 16x); 20 ms absorbs noise
        assertThat(tBig).isLessThan(10 * tQuarter + 20_000_000L);
        // and stays within a constant factor of one plainly linear pass over the same text
        assertThat(tBig).isLessThan(40 * tBase + 20_000_000L);
    }
}
